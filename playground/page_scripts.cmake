# The page's own scripts (web/js/*.js but the --js-library inputs, already inside aio_playground.js)
# into <site>/web/js, and web/embed.js, for course pages that embed the playground, into <site>.
# A release build minifies them with terser, each with a source map beside it; a debug build copies them.
file(GLOB page_scripts CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/web/js/*.js)
list(FILTER page_scripts EXCLUDE REGEX "/library_[^/]*\\.js$")

# Debian's terser (apt-get install terser), else the one an emsdk installs under its emscripten folder.
set(aio_terser "")
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  find_program(AIO_TERSER terser DOC "terser, which minifies the release page's scripts")
  set(emsdk_terser "${EMSCRIPTEN_ROOT_PATH}/node_modules/terser/bin/terser")
  if(AIO_TERSER)
    set(aio_terser ${AIO_TERSER})
  elseif(EMSCRIPTEN_ROOT_PATH AND EXISTS "${emsdk_terser}")
    find_program(AIO_NODE NAMES node nodejs)
    set(aio_terser ${AIO_NODE} ${emsdk_terser})
  endif()
  list(JOIN aio_terser " " terser_command)
  if(aio_terser)
    # Debian's terser under a NodeSource node finds its modules only through NODE_PATH.
    execute_process(COMMAND ${aio_terser} --version RESULT_VARIABLE terser_failed
                    OUTPUT_VARIABLE terser_version ERROR_VARIABLE terser_error OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(terser_failed)
      string(REGEX MATCH "Error: [^\n]*" terser_error "${terser_error}")
      message(WARNING "aio: '${terser_command} --version' fails (${terser_error}); the release page's scripts ship "
                      "unminified, about 14 KB gzip more. With Debian's terser and another Node, export "
                      "NODE_PATH=/usr/share/nodejs (web/tools/env.sh does so) and configure again.")
      set(aio_terser "")
    else()
      message(STATUS "aio: minifying the page's scripts with ${terser_version} (${terser_command})")
    endif()
  else()
    message(WARNING "aio: terser not found (Debian: apt-get install terser; web/tools/setup.sh dist does); the "
                    "release page's scripts ship unminified, about 14 KB gzip more.")
  endif()
endif()

set(page_scripts_stamp ${CMAKE_CURRENT_BINARY_DIR}/page_scripts.stamp)
set(script_commands)
if(aio_terser)
  foreach(script ${page_scripts} ${PROJECT_SOURCE_DIR}/web/embed.js)
    file(RELATIVE_PATH source ${PROJECT_SOURCE_DIR} ${script})   # the map names it so: web/js/boot.js
    get_filename_component(name ${script} NAME)
    if(source STREQUAL "web/embed.js")
      set(out ${site}/${name})
    else()
      set(out ${site}/web/js/${name})
    endif()
    # Default compress and mangle keep top-level names: the scripts and the wasm call each other's.
    list(APPEND script_commands COMMAND ${aio_terser} ${source} --compress --mangle
         --source-map "includeSources,url='${name}.map'" --output ${out})
  endforeach()
else()
  list(APPEND script_commands
       COMMAND ${CMAKE_COMMAND} -E copy_if_different ${page_scripts} ${site}/web/js/
       COMMAND ${CMAKE_COMMAND} -E copy_if_different ${PROJECT_SOURCE_DIR}/web/embed.js ${site}/embed.js)
endif()
add_custom_command(OUTPUT ${page_scripts_stamp}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${site}/web/js   # what an older build put there goes too
  COMMAND ${CMAKE_COMMAND} -E make_directory ${site}/web/js
  ${script_commands}
  COMMAND ${CMAKE_COMMAND} -E touch ${page_scripts_stamp}
  DEPENDS ${page_scripts} ${PROJECT_SOURCE_DIR}/web/embed.js
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Putting the page's scripts in ${site}" VERBATIM)
