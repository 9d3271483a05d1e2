# xueshe_embed(OUT_CPP NAME FILE...) writes a C++ source defining
#   std::string_view xueshe_embedded_<NAME>()
# that returns the bytes of FILE. Regenerated when FILE changes.
function(xueshe_embed out_cpp name file)
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out_cpp} -DNAME=${name}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedOne.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/EmbedOne.cmake
    COMMENT "Embedding ${file}")
endfunction()
