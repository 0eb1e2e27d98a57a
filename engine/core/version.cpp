// fundsim's version (engine/core/version.hpp), from the compile definition FUNDSIM_VERSION that
// CMakeLists.txt sets on this file to project(VERSION ...).
#include "engine/core/version.hpp"

#ifndef FUNDSIM_VERSION
#error "FUNDSIM_VERSION is not defined: CMakeLists.txt sets it on engine/core/version.cpp"
#endif

namespace fundsim {

const char* fundsim_version() { return FUNDSIM_VERSION; }

}  // namespace fundsim
