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
