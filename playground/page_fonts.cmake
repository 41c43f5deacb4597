# The page's two TTFs, from Debian's font packages (web/tools/setup.sh installs fonts-dejavu-core
# and fonts-jetbrains-mono), cut down to the glyphs the page draws when fontTools is present.
# Copied to <site>/web/fonts/{ui,code}.ttf; web/js/boot.js hands them to the app before main runs.
set(AIO_FONT_UI "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "the UI font (TTF)")
set(AIO_FONT_CODE "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf" CACHE FILEPATH
    "the font for code and printed output (monospaced TTF)")
foreach(font AIO_FONT_UI AIO_FONT_CODE)
  if(NOT EXISTS "${${font}}")
    message(FATAL_ERROR "${font}: '${${font}}' not found. Run web/tools/setup.sh web (installs fonts-dejavu-core "
                        "and fonts-jetbrains-mono), or pass -D${font}=<a .ttf file>.")
  endif()
endforeach()

# Subsetting keeps the download small (about 11 KB gzip each instead of 100-400 KB). Any Python with
# fontTools will do; Debian's is python3-fonttools, which a pyenv or venv python3 does not see.
set(aio_subsetter "")
foreach(py "${Python3_EXECUTABLE}" python3 /usr/bin/python3)
  if(py)
    execute_process(COMMAND ${py} -c "import fontTools.subset" RESULT_VARIABLE no_fonttools OUTPUT_QUIET ERROR_QUIET)
    if(no_fonttools EQUAL 0)
      set(aio_subsetter ${py})
      break()
    endif()
  endif()
endforeach()
if(NOT aio_subsetter)
  message(STATUS "aio: fontTools not found (Debian: python3-fonttools); the page ships the whole fonts")
endif()

# The same ranges as kRanges in playground/app/page_fonts.cpp: Latin-1, dashes and quotes, arrows.
set(aio_font_unicodes "U+0020-00FF,U+2010-2027,U+2190-2193")
set(aio_font_outputs)
foreach(pair "ui;${AIO_FONT_UI}" "code;${AIO_FONT_CODE}")
  list(GET pair 0 role)
  list(GET pair 1 source)
  set(out ${site}/web/fonts/${role}.ttf)
  if(aio_subsetter)
    add_custom_command(OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${site}/web/fonts
      COMMAND ${aio_subsetter} -m fontTools.subset ${source} --unicodes=${aio_font_unicodes} --no-hinting
              --layout-features= --output-file=${out}
      DEPENDS ${source} COMMENT "Subsetting ${source} for the page" VERBATIM)
  else()
    add_custom_command(OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -E copy ${source} ${out}
      DEPENDS ${source} VERBATIM)
  endif()
  list(APPEND aio_font_outputs ${out})
endforeach()
add_custom_target(aio_fonts ALL DEPENDS ${aio_font_outputs})

get_filename_component(aio_font_ui_name ${AIO_FONT_UI} NAME_WE)
get_filename_component(aio_font_code_name ${AIO_FONT_CODE} NAME_WE)
