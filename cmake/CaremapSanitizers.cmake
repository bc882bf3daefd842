# CAREMAP_SANITIZE: builds every target (libraries, tests, tools) with sanitizers.
#   address,undefined   `./dev test --sanitize` (build-asan): memory errors, leaks and undefined
#                       behaviour; -fno-sanitize-recover makes any UB report fail its test.
#   thread              `./dev test --tsan` (build-tsan): data races in the job runner and the
#                       parallel analyses.
# Empty (the default) builds without sanitizers. Set it on a separate build directory: the
# objects differ from an ordinary build's and share nothing with its compiler cache.
set(CAREMAP_SANITIZE "" CACHE STRING "Sanitizers to build with: address,undefined | thread | empty")
# CAREMAP_FUZZ: the libFuzzer targets in fuzz/ (clang only). Every library is instrumented for
# coverage (fuzzer-no-link) and built with ASan and UBSan; the targets link libFuzzer's main.
option(CAREMAP_FUZZ "Build the libFuzzer targets in fuzz/ (clang; own build directory)" OFF)
if(CAREMAP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CAREMAP_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14 "
                        "-DCMAKE_C_COMPILER=clang-14")
  endif()
  set(CAREMAP_SANITIZE "fuzzer-no-link,address,undefined")
endif()
if(CAREMAP_SANITIZE)
  # The frame pointer keeps the reports' stack traces whole; -g1 gives them file:line at a
  # fraction of -g's build time; -O1 (after the build type's -O2) is what the sanitizers'
  # documentation recommends: reports stay readable and the cold build is shorter.
  set(_caremap_san_flags -fsanitize=${CAREMAP_SANITIZE} -fno-omit-frame-pointer -g1 -O1)
  if(CAREMAP_SANITIZE MATCHES "undefined")
    list(APPEND _caremap_san_flags -fno-sanitize-recover=undefined)
    # GCC's "undefined" leaves out float-cast-overflow (clang's includes it): a double too large
    # for an integer, as a damaged e-Stat file once produced (docs/FUZZING.md), must fail too.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      list(APPEND _caremap_san_flags -fsanitize=float-cast-overflow
           -fno-sanitize-recover=float-cast-overflow)
    endif()
  endif()
  add_compile_options(${_caremap_san_flags})
  # fuzzer-no-link is a compile-time instrumentation only; the fuzz targets add -fsanitize=fuzzer.
  string(REPLACE "fuzzer-no-link," "" _caremap_san_link "${CAREMAP_SANITIZE}")
  add_link_options(-fsanitize=${_caremap_san_link})
  message(STATUS "caremap: sanitizers ${CAREMAP_SANITIZE}")
endif()
