# caremap_warnings(<target>): the project's warning set, applied to every first-party target.
function(caremap_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(CAREMAP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
