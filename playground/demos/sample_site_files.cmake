# Writes OUT, a C++ table of every file under DIR (the crawler's sample site), so the crawler's
# virtual network serves the same pages natively, in the runner and in the page.
# cmake -DDIR=web/sample-site -DOUT=sample_site_files.cpp -P sample_site_files.cmake
file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*")
list(SORT files)
set(arrays "")
set(table "")
set(i 0)
foreach(f IN LISTS files)
  file(READ "${DIR}/${f}" hex HEX)
  string(LENGTH "${hex}" digits)
  math(EXPR bytes "${digits} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes_list "${hex}")
  string(APPEND arrays "const unsigned char file${i}[] = {${bytes_list}0};\n")
  string(APPEND table "        {\"${f}\", {reinterpret_cast<const char*>(file${i}), ${bytes}}},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from web/sample-site by playground/demos/sample_site_files.cmake.
#include \"playground/demos/sample_site.hpp\"

namespace aio::demos {

namespace {
${arrays}}  // namespace

const std::vector<SiteFile>& sample_site_files() {
    static const std::vector<SiteFile> files{
${table}    };
    return files;
}

}  // namespace aio::demos
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
