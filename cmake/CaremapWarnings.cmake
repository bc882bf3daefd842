# caremap_warnings(<target>): the project's warning set, applied to every first-party target.
function(caremap_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  # GCC 12 at -O3 reports -Wrestrict inside libstdc++'s own std::string concatenation
  # (char_traits.h, GCC bug 105329: a false positive fixed in GCC 13). The warning stays on for
  # every other compiler and optimisation level.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-Wno-restrict>)
  endif()
  if(CAREMAP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
