# nlohmann/json comes from Debian's nlohmann-json3-dev. Under the Emscripten
# toolchain find_package looks only inside the Emscripten sysroot, so the
# Debian headers are linked into the build tree and used from there (not all
# of /usr/include, which would shadow the sysroot's libc headers).
if(EMSCRIPTEN)
  find_path(TALENT_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH REQUIRED)
  set(_shim "${CMAKE_BINARY_DIR}/third_party/include")
  file(MAKE_DIRECTORY "${_shim}")
  if(NOT EXISTS "${_shim}/nlohmann")
    file(CREATE_LINK "${TALENT_NLOHMANN_DIR}/nlohmann" "${_shim}/nlohmann" SYMBOLIC)
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_shim}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
endif()
