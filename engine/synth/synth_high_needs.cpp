// The synthetic high needs setting: providers first (their places), then placements drawn over them in
// proportion to their places (or a share for top-up-only providers), with joiners and leavers in the year.
#include "engine/synth/synth_high_needs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "engine/core/dates.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/synth/rng.hpp"

namespace fundsim {

namespace {

struct SynthProvider {
    std::int64_t urn = 0;
    std::string name, setting, la, funded_by;
    int places_before = 0, places_after = 0;
    double baseline = 0;              // 0: none
    int bands = 0;                    // bands of its setting's table (0: agreed rates only)
    double rate_lo = 0, rate_hi = 0;  // agreed annual rates for top-up-only providers out of the LA
    double weight = 0;                // share of the placements
};

std::size_t scaled(double per_550, std::size_t schools, std::size_t at_least) {
    return std::max(at_least,
                    static_cast<std::size_t>(std::lround(per_550 * static_cast<double>(schools) / 550.0)));
}

std::string date_text(int y, unsigned m, unsigned d) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02u-%02u", y, m, d);
    return b;
}

// A date in the financial year starting 1 April `year`, every day equally likely by month then day.
std::string date_in_year(Rng& rng, int year) {
    const unsigned k = static_cast<unsigned>(rng.below(12));
    const unsigned m = (3 + k) % 12 + 1;
    const int y = year + (k >= 9 ? 1 : 0);
    const unsigned d = 1 + static_cast<unsigned>(rng.below(days_in_month(static_cast<unsigned>(y), m)));
    return date_text(y, m, d);
}

const char* const kPlaces[] = {"Oakfield", "Riverside",  "Hillcrest", "Meadowbank", "Brookside", "Highfield",
                               "Westgate", "Northfield", "Greenacre", "Fairview",   "Ashgrove",  "Kingsmead"};

}  // namespace

SynthHighNeedsFiles synth_high_needs(const SynthHighNeedsOptions& opt) {
    Rng rng(opt.seed * 0x9e3779b97f4a7c15ULL + 0x4e4e);
    const std::size_t n = opt.schools;
    const std::string own = std::to_string(opt.la_code);
    std::vector<SynthProvider> ps;
    std::int64_t next_urn = opt.first_urn + static_cast<std::int64_t>(n) + 10000;
    auto place_name = [&](const char* kind) { return std::string(kPlaces[rng.below(12)]) + " " + kind; };
    auto add_special = [&](const char* setting, const char* kind, int lo, int hi, double baseline_lo,
                           double baseline_hi) {
        SynthProvider p;
        p.urn = next_urn++;
        p.name = place_name(kind);
        p.setting = setting;
        p.la = own;
        p.funded_by = rng.chance(0.4) ? "dfe" : "la";  // special academies and free schools
        p.places_before = lo + static_cast<int>(rng.below(static_cast<std::size_t>(hi - lo + 1)));
        p.places_after = std::max(0, p.places_before + static_cast<int>(rng.below(11)) - 3);
        if (rng.chance(0.8)) p.baseline = std::round(rng.uniform(baseline_lo, baseline_hi));
        p.bands = 5;
        p.weight = p.places_after;
        ps.push_back(p);
    };
    for (std::size_t k = 0; k < scaled(16, n, 1); ++k)
        add_special("special", "Special School", 60, 220, 10000, 11800);
    for (std::size_t k = 0; k < scaled(4, n, 1); ++k)
        add_special("ap", "Pupil Referral Unit", 20, 80, 9000, 11000);

    // Units and resourced provision, and top-ups without a unit place, in distinct census schools.
    const std::size_t units = std::min(n, scaled(30, n, 1));
    const std::size_t mainstream = std::min(n - units, scaled(140, n, 0));
    std::vector<std::size_t> order(n);
    for (std::size_t k = 0; k < n; ++k) order[k] = k;
    for (std::size_t k = n; k > 1; --k) std::swap(order[k - 1], order[rng.below(k)]);
    for (std::size_t k = 0; k < units + mainstream; ++k) {
        SynthProvider p;
        p.urn = opt.first_urn + static_cast<std::int64_t>(order[k]);
        p.la = own;
        p.funded_by = "la";
        if (k < units) {
            const bool unit = k % 2 == 0;
            p.setting = unit ? "sen_unit" : "resourced_provision";
            p.name = std::string(unit ? "SEN unit" : "Resourced provision") + " at school " +
                     std::to_string(p.urn);
            p.places_before = 6 + static_cast<int>(rng.below(15));
            p.places_after = std::max(0, p.places_before + static_cast<int>(rng.below(5)) - 2);
            p.bands = 3;
            p.weight = p.places_after;
        } else {
            p.setting = "mainstream";
            p.name = "School " + std::to_string(p.urn);
            p.bands = 4;
            p.weight = 2 + static_cast<double>(rng.below(9));
        }
        ps.push_back(p);
    }
    for (std::size_t k = 0; k < scaled(2, n, 1); ++k) {
        SynthProvider p;
        p.urn = next_urn++;
        p.name = place_name("College");
        p.setting = "fe";
        p.la = own;
        p.funded_by = "dfe";
        p.places_before = 40 + static_cast<int>(rng.below(80));
        p.places_after = p.places_before + static_cast<int>(rng.below(11)) - 5;
        p.bands = 3;
        p.weight = p.places_after * 1.2;
        ps.push_back(p);
    }
    for (std::size_t k = 0; k < scaled(6, n, 1); ++k) {  // independent special schools, in and out of the LA
        SynthProvider p;
        p.urn = next_urn++;
        p.name = place_name("Independent School");
        p.setting = "independent";
        p.la = rng.chance(0.5) ? own : std::to_string(800 + rng.below(140));
        p.funded_by = "la";
        p.rate_lo = 40000;
        p.rate_hi = 95000;
        p.weight = 20 + static_cast<double>(rng.below(20));
        ps.push_back(p);
    }
    for (std::size_t k = 0; k < scaled(8, n, 1); ++k) {  // other LAs' special schools: top-ups at their rates
        SynthProvider p;
        p.urn = next_urn++;
        p.name = place_name("School (another LA)");
        p.setting = "special";
        p.la = std::to_string(800 + rng.below(140));
        if (p.la == own) p.la = "999";
        p.funded_by = "la";
        p.rate_lo = 12000;
        p.rate_hi = 32000;
        p.weight = 5 + static_cast<double>(rng.below(15));
        ps.push_back(p);
    }

    SynthHighNeedsFiles out;
    std::string pr = "urn,name,setting,la,places_before,places_after,funded_by,topup_baseline_per_pupil\n";
    for (const auto& p : ps) {
        const bool placed = p.setting != "mainstream" && p.setting != "independent";
        pr += std::to_string(p.urn) + ',' + csv_quote(p.name) + ',' + p.setting + ',' + p.la + ',' +
              (placed ? std::to_string(p.places_before) : "") + ',' +
              (placed ? std::to_string(p.places_after) : "") + ',' + p.funded_by + ',' +
              (p.baseline > 0 ? std::to_string(static_cast<long>(p.baseline)) : "") + '\n';
    }
    out.providers_csv = pr;
    out.providers = ps.size();

    // About 4,000 placements for 550 schools, spread by weight (cumulative weights, one draw each).
    const std::size_t total = opt.placements > 0 ? opt.placements : scaled(4000, n, 1);
    std::vector<double> cum(ps.size());
    double sum = 0;
    for (std::size_t k = 0; k < ps.size(); ++k) cum[k] = (sum += ps[k].weight);
    const std::string start_of_year = date_text(opt.year, 4, 1);
    std::string pl = "placement,provider,band,start,end,fte,rate\n";
    pl.reserve(total * 60);
    for (std::size_t j = 0; j < total; ++j) {
        const double u = rng.uniform() * sum;
        const std::size_t k =
            static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), u) - cum.begin());
        const SynthProvider& p = ps[std::min(k, ps.size() - 1)];
        char id[24];
        std::snprintf(id, sizeof id, "HN%06zu", j + 1);
        std::string band, rate;
        if (p.bands > 0) {
            // Lower bands more common: band b with weight (bands + 1 − b).
            const std::size_t tri = static_cast<std::size_t>(p.bands * (p.bands + 1) / 2);
            std::size_t r = rng.below(tri), b = 1;
            for (std::size_t w = static_cast<std::size_t>(p.bands); r >= w; --w) r -= w, ++b;
            band = std::to_string(b);
        } else {
            rate =
                std::to_string(static_cast<long>(std::round(rng.uniform(p.rate_lo, p.rate_hi) / 100) * 100));
        }
        // 80% on roll all year (started in an earlier year), 10% joiners, 10% leavers (some at the end of
        // the summer term), a few both.
        std::string start = date_text(opt.year - 1 - static_cast<int>(rng.below(6)), 9,
                                      1 + static_cast<unsigned>(rng.below(5)));
        std::string end;
        const double v = rng.uniform();
        if (v < 0.10) {
            start = date_in_year(rng, opt.year);
            if (rng.chance(0.15)) {
                end = date_in_year(rng, opt.year);
                if (end < start) std::swap(start, end);
            }
        } else if (v < 0.20) {
            end = rng.chance(0.5) ? date_text(opt.year, 7, 18) : date_in_year(rng, opt.year);
        }
        if (start < start_of_year && !end.empty() && end < start_of_year) end = start_of_year;
        const bool part_time = (p.setting == "ap" || p.setting == "fe") && rng.chance(0.15);
        pl += id;
        pl += ',' + std::to_string(p.urn) + ',' + band + ',' + start + ',' + end + ',' +
              (part_time ? "0.5" : "1") + ',' + rate + '\n';
    }
    out.placements_csv = pl;
    out.placements = total;
    return out;
}

}  // namespace fundsim
