// Embind registers every built-in C++ type at start-up, and each registration
// pulls its JavaScript converters into the glue. The page's and the take-away
// modules pass only std::string, integers, bool and void across (bindings.cpp,
// calendar/application/share_bindings.cpp), so the converters for wide strings,
// typed-array views, emscripten::val, 64-bit integers and floats are never
// called: registering nothing for them (and not setting up emscripten::val's
// handle table) keeps ≈ 0.8 KB gz out of the first load.
// A binding that starts passing one of these types fails at once with Embind's
// "unbound type" error (the wasm tests call every binding). The staff module
// uses emscripten::val and double, and links without this file.
mergeInto(LibraryManager.library, {
  _embind_register_std_wstring: function() {},
  _embind_register_memory_view: function() {},
  _embind_register_emval: function() {},
  _embind_register_bigint: function() {},
  _embind_register_float: function() {},
  $init_emval__deps: [],
  $init_emval: function() {},
});
