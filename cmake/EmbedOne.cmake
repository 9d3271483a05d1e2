# Script mode: -DIN=file -DOUT=file.cpp -DNAME=identifier
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\nstatic const char data_${NAME}[] = {${bytes} 0};\nstd::string_view xueshe_embedded_${NAME}() { return std::string_view(data_${NAME}, ${size}); }\n")
