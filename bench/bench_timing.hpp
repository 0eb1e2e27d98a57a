// What every benchmark of bench/ times with: milliseconds since a moment, and the median of several runs.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace fundsim::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace fundsim::bench
