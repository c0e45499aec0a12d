# Builds and checks one of the driver projects from scratch, so that every
# run goes through ssc's compiler probes and a full build again:
#   cmake -DKIND=make|cmake -DSSC=path/to/ssc -DSRC=dir -DBIN=dir
#         [-DFLAGS=-fompss] [-DGENERATOR=...] -P run.cmake
file(REMOVE_RECURSE ${BIN})
file(MAKE_DIRECTORY ${BIN})

function(run)
  string(REPLACE ";" " " line "${ARGN}")
  message(STATUS "run: ${line}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${line}")
  endif()
endfunction()

if(KIND STREQUAL "make")
  find_program(MAKE NAMES gmake make REQUIRED)
  run(${MAKE} -C ${BIN} -f ${SRC}/Makefile SRCDIR=${SRC} CC=${SSC}
      "CFLAGS=-O2 -Wall ${FLAGS}" "LDFLAGS=${FLAGS}" check)
  # Nothing to do the second time: the dependency files name real files.
  run(${MAKE} -C ${BIN} -f ${SRC}/Makefile SRCDIR=${SRC} CC=${SSC}
      "CFLAGS=-O2 -Wall ${FLAGS}" "LDFLAGS=${FLAGS}" -q prog)
elseif(KIND STREQUAL "cmake")
  run(${CMAKE_COMMAND} -S ${SRC} -B ${BIN} -G ${GENERATOR}
      -DCMAKE_C_COMPILER=${SSC} "-DCMAKE_C_FLAGS=${FLAGS}")
  run(${CMAKE_COMMAND} --build ${BIN})
  run(${CMAKE_CTEST_COMMAND} --test-dir ${BIN} --output-on-failure)
else()
  message(FATAL_ERROR "KIND must be make or cmake")
endif()

# With -fompss the tasks run on libssrt (it prints its settings when asked);
# without, the program is plain C and never starts the runtime.
execute_process(COMMAND ${CMAKE_COMMAND} -E env SS_PRINT_CONFIG=1 ${BIN}/prog
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(FIND "${err}" "SS_NUM_THREADS=" started)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "sum 5050\n")
  message(FATAL_ERROR "prog failed (${rc}): ${out}${err}")
elseif(FLAGS MATCHES "-fompss" AND started EQUAL -1)
  message(FATAL_ERROR "prog built with ${FLAGS} did not start the runtime")
elseif(NOT FLAGS MATCHES "-fompss" AND NOT started EQUAL -1)
  message(FATAL_ERROR "prog built without -fompss started the runtime")
endif()
message(STATUS "prog: ${out}")
