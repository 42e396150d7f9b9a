# Options attached to targets, never set globally.
add_library(talent_options INTERFACE)
target_compile_features(talent_options INTERFACE cxx_std_20)
target_compile_options(talent_options INTERFACE -Wall -Wextra -Wshadow -Wnon-virtual-dtor)
# The dev preset: every implicit narrowing and every extension is a warning,
# and a warning fails the build (the test command builds it).
option(TALENT_STRICT_WARNINGS "Build with -Wconversion -Wpedantic as errors" OFF)
if(TALENT_STRICT_WARNINGS)
  target_compile_options(talent_options INTERFACE -Wconversion -Wpedantic -Werror)
endif()
if(TALENT_SANITIZE)
  target_compile_options(talent_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(talent_options INTERFACE -fsanitize=address,undefined)
endif()
# The ubsan preset (clang): undefined behaviour, float-to-integer casts out of
# range included (a double past 2^63 cast to long long, issue 11), stops the
# test that meets it.
option(TALENT_SANITIZE_UNDEFINED "Build with UBSan and float-cast-overflow (clang)" OFF)
if(TALENT_SANITIZE_UNDEFINED)
  target_compile_options(talent_options INTERFACE -fsanitize=undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(talent_options INTERFACE -fsanitize=undefined,float-cast-overflow)
endif()
# The fuzz preset (clang): every target instrumented for libFuzzer's
# coverage, with AddressSanitizer and UBSan; the fuzz targets themselves link
# libFuzzer (tests/fuzz/CMakeLists.txt).
option(TALENT_FUZZ "Build the libFuzzer targets, everything with ASan and UBSan (clang)" OFF)
if(TALENT_FUZZ)
  target_compile_options(talent_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(talent_options INTERFACE -fsanitize=address,undefined,float-cast-overflow)
endif()
