# CPack settings: `tools/package.sh` turns the install rules into Debian packages (ilo-tbx_VERSION_ARCH.deb).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ilo-tbx)
set(CPACK_PACKAGE_VENDOR "ilo-tbx project")
set(CPACK_PACKAGE_CONTACT "ilo-tbx maintainers <ilo-tbx@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "convert EMN glossary entries and term bases to and from TBX (ISO 30042)")
set(CPACK_PACKAGE_DESCRIPTION
"ilo-tbx turns entries of the European Migration Network's Asylum and Migration Glossary into TBX term
bases (ISO 30042:2019, TBX-Basic), and reads, converts, validates and checks TBX v3, TBX 2008 and other
term base formats. It writes the TBX 2008 forms that OmegaT, translate-toolkit and Lokalize read.")
# Debian's layout, whatever prefix `cmake --install` defaults to (/usr/local).
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# One Debian package per install component, named as Debian would name it.
set(CPACK_DEB_COMPONENT_INSTALL ON)
# ilo-tbx: the tool (it links the library statically, so it needs no libilo-tbx package);
# libilo-tbx<soversion>: the shared library; libilo-tbx-dev: its headers, CMake config and pkg-config file.
set(CPACK_COMPONENTS_ALL runtime)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ilo-tbx)
set(CPACK_DEBIAN_RUNTIME_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)
# The long description under the synopsis (CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY first and indents).
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
if(TARGET ilo_tbx_shared)
  get_target_property(ILO_TBX_SOVERSION ilo_tbx_shared SOVERSION)
  list(APPEND CPACK_COMPONENTS_ALL library development)
  set(CPACK_DEBIAN_LIBRARY_PACKAGE_NAME "libilo-tbx${ILO_TBX_SOVERSION}")
  set(CPACK_DEBIAN_LIBRARY_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_LIBRARY_PACKAGE_SECTION libs)
  # CPack 3.25 makes CPACK_PACKAGE_DESCRIPTION_SUMMARY every package's synopsis; the first line here says which one.
  set(CPACK_COMPONENT_LIBRARY_DESCRIPTION "ilo-tbx term base library (shared library)
The libilo_tbx shared library: the concept model, the readers and writers of TBX v3, TBX 2008, CSV,
JSON and EMN glossary pages, and TBX validation, for programs linked against it.")
  set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libilo-tbx-dev)
  set(CPACK_DEBIAN_DEVELOPMENT_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
  set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION "ilo-tbx term base library (development files)
The C++20 headers of the ilo-tbx library (include/ilo_tbx), its CMake package config
(find_package(ilo_tbx) gives ilo_tbx::ilo_tbx) and its pkg-config file (ilo_tbx).")
  # The headers use only the standard library, so the only dependency is the library itself, this very build.
  set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS "libilo-tbx${ILO_TBX_SOVERSION} (= ${PROJECT_VERSION})")
endif()
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends is computed by dpkg-shlibdeps from the libraries the binary links (it reads only the local dpkg
# database, no network), so it names exactly Debian's runtime library packages; tools/check-package.sh checks it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libxlsxwriter and libzip are opened with dlopen on first use (src/formats/xlsx_libraries.cpp), so
# dpkg-shlibdeps does not see them: the packages that own them here are named, and CPack appends the rest.
set(ILO_TBX_OPENED_PACKAGES "")
foreach(opened_library IN ITEMS "${xlsxwriter_library}" "${libzip_library}")
  get_filename_component(opened_file "${opened_library}" REALPATH)
  execute_process(COMMAND dpkg-query -S "${opened_file}" OUTPUT_VARIABLE owner RESULT_VARIABLE failed ERROR_QUIET)
  if(failed)
    message(WARNING "no Debian package owns ${opened_file}; the packages will not depend on it")
    continue()
  endif()
  string(REGEX REPLACE ":.*" "" owner "${owner}")
  list(APPEND ILO_TBX_OPENED_PACKAGES "${owner}")
endforeach()
list(JOIN ILO_TBX_OPENED_PACKAGES ", " ILO_TBX_OPENED_DEPENDS)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "${ILO_TBX_OPENED_DEPENDS}")
set(CPACK_DEBIAN_LIBRARY_PACKAGE_DEPENDS "${ILO_TBX_OPENED_DEPENDS}")
# The library package gets a shlibs file (so that programs packaged against it depend on it) and the
# ldconfig trigger; packages without a shared library are unaffected.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY "=")

include(CPack)
