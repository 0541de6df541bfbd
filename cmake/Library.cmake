# The installed library: libilo_tbx.so (the same objects as the static ilo_tbx the tool links), its public headers, a CMake package config (find_package(ilo_tbx) -> ilo_tbx::ilo_tbx) and a pkg-config file (ilo_tbx).
include(CMakePackageConfigHelpers)

# The static library's objects go into the shared one as they are, so they are compiled once, as PIC.
set_target_properties(ilo_tbx PROPERTIES POSITION_INDEPENDENT_CODE ON)
add_library(ilo_tbx_shared SHARED $<TARGET_OBJECTS:ilo_tbx>)
# Everything the static library links (pugixml, libxml2, ICU, ...) is private to the shared one: the public
# headers use only the standard library, so a consumer needs nothing but the headers and libilo_tbx.so.
target_link_libraries(ilo_tbx_shared PRIVATE $<TARGET_PROPERTY:ilo_tbx,LINK_LIBRARIES>)
if(NOT ILO_TBX_SANITIZE)
  # A dependency missing from the link fails here, not in a consumer's link (the sanitizer runtimes are
  # resolved at program link, so a sanitized build cannot ask for this).
  target_link_options(ilo_tbx_shared PRIVATE "LINKER:--no-undefined")
endif()
target_include_directories(ilo_tbx_shared PUBLIC
  "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
  "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
target_compile_features(ilo_tbx_shared PUBLIC cxx_std_20)
# Before 1.0 every minor version may change the ABI, so the soname carries major.minor: libilo_tbx.so.0.1.
set(ILO_TBX_SOVERSION "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
set_target_properties(ilo_tbx_shared PROPERTIES
  OUTPUT_NAME ilo_tbx
  EXPORT_NAME ilo_tbx
  VERSION "${PROJECT_VERSION}"
  SOVERSION "${ILO_TBX_SOVERSION}")
add_library(ilo_tbx::ilo_tbx ALIAS ilo_tbx_shared)

set(ILO_TBX_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/ilo_tbx")
install(TARGETS ilo_tbx_shared EXPORT ilo_tbx_targets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT library NAMELINK_COMPONENT development
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/ilo_tbx" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT development FILES_MATCHING PATTERN "*.hpp")
install(EXPORT ilo_tbx_targets NAMESPACE ilo_tbx:: FILE ilo_tbxTargets.cmake DESTINATION "${ILO_TBX_CMAKE_DIR}"
  COMPONENT development)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ilo_tbxConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/ilo_tbxConfig.cmake" INSTALL_DESTINATION "${ILO_TBX_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ilo_tbxConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/ilo_tbxConfig.cmake" "${PROJECT_BINARY_DIR}/ilo_tbxConfigVersion.cmake"
  DESTINATION "${ILO_TBX_CMAKE_DIR}" COMPONENT development)

# pkg-config: the prefix is found from the .pc file's own place, so the same file serves /usr (the .deb),
# /usr/local (cmake --install) and any --prefix or unpacked directory.
file(RELATIVE_PATH ILO_TBX_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" ILO_TBX_PC_TO_PREFIX "${ILO_TBX_PC_TO_PREFIX}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/ilo_tbx.pc.in" "${PROJECT_BINARY_DIR}/ilo_tbx.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/ilo_tbx.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
  COMPONENT development)
