// fundsim's version: CMake's project(VERSION ...), compiled into version.cpp alone so that a new version
// rebuilds one file. Printed by `fundsim --version` and recorded in every summary.json's manifest.
#pragma once

namespace fundsim {

// "MAJOR.MINOR.PATCH", e.g. "0.1.0".
const char* fundsim_version();

}  // namespace fundsim
