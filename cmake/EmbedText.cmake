# fundsim_embed_text(FILE HEADER SYMBOL): makes HEADER (under the build tree's generated/ folder, which
# the caller adds to its include path) define `inline constexpr char SYMBOL[]` holding FILE's bytes
# exactly, so that a stylesheet can live as a file and still be written inline by the program. CMake
# re-runs when FILE changes.
function(fundsim_embed_text file header symbol)
  file(READ "${file}" FUNDSIM_EMBED_TEXT)
  string(FIND "${FUNDSIM_EMBED_TEXT}" ")fundsim_embed\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} holds the raw-string delimiter )fundsim_embed\" and cannot be embedded")
  endif()
  file(RELATIVE_PATH FUNDSIM_EMBED_SOURCE "${PROJECT_SOURCE_DIR}" "${file}")
  set(FUNDSIM_EMBED_SYMBOL "${symbol}")
  configure_file("${PROJECT_SOURCE_DIR}/cmake/embedded_text.hpp.in" "${PROJECT_BINARY_DIR}/generated/${header}" @ONLY)
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
endfunction()
