// The shape of a UPN: 13 characters, a letter, 11 digits, then a digit or a letter.
#include "engine/ingest/upn.hpp"

#include "engine/core/number.hpp"

namespace fundsim {

bool looks_like_upn(std::string_view v) {
    v = trim(v);
    if (v.size() != 13) return false;
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!letter(v[0])) return false;
    for (std::size_t i = 1; i < 12; ++i)
        if (!digit(v[i])) return false;
    return digit(v[12]) || letter(v[12]);
}

}  // namespace fundsim
