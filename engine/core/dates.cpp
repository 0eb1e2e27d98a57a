// The Gregorian calendar's month lengths, for the rare dates past the 28th.
#include "engine/core/dates.hpp"

namespace fundsim {

unsigned days_in_month(unsigned y, unsigned m) {
    static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace fundsim
