# Builds one manual page from its hand-written source: @OPTIONS@ becomes the option list the
# binary's own table prints (BIN --help-man), so the page lists exactly what --help does.
#   cmake -DBIN=... -DIN=page.1.in -DOUT=page.1 -DVERSION=... -DMAN_DATE=... -DDATA_DIR=... -P assemble.cmake
cmake_minimum_required(VERSION 3.20)  # new policies: "@OPTIONS@" is text, not a variable reference
file(READ "${IN}" page)
set(options "")
if(BIN)
  execute_process(COMMAND "${BIN}" --help-man OUTPUT_VARIABLE options RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR options STREQUAL "")
    message(FATAL_ERROR "${BIN} --help-man failed (${status})")
  endif()
  string(REGEX REPLACE "\n$" "" options "${options}")
endif()
string(REPLACE "@OPTIONS@" "${options}" page "${page}")
string(REPLACE "@VERSION@" "${VERSION}" page "${page}")
string(REPLACE "@MAN_DATE@" "${MAN_DATE}" page "${page}")
string(REPLACE "@DATA_DIR@" "${DATA_DIR}" page "${page}")
if(page MATCHES "@[A-Z_]+@")
  message(FATAL_ERROR "${IN}: unknown placeholder ${CMAKE_MATCH_0}")
endif()
file(WRITE "${OUT}.tmp" "${page}")
file(RENAME "${OUT}.tmp" "${OUT}")
