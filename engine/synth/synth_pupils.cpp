// Synthetic pupil-level census: each school of synth_census_csv broken into pupils whose flags, LSOAs and
// entry dates add up exactly to the school's counts (selection sampling), written in streaming blocks.
#include "engine/synth/synth_pupils.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/synth/rng.hpp"

namespace fundsim {

namespace {

// Days since 1970-01-01 from a civil date and back (H. Hinnant's public-domain algorithms), for the
// day arithmetic of entry dates.
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int32_t ymd_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return static_cast<std::int32_t>((y + (m <= 2)) * 10000 + m * 100 + d);
}

std::int64_t days_of(std::int32_t ymd) { return days_from_civil(ymd / 10000, (ymd / 100) % 100, ymd % 100); }

// Selection sampling (Knuth, TAOCP vol. 2, algorithm S): takes exactly `want` of `left` items in turn.
bool take(Rng& rng, std::int64_t& want, std::int64_t& left) {
    const bool yes =
        want > 0 && (want >= left || rng.uniform() * static_cast<double>(left) < static_cast<double>(want));
    if (yes) --want;
    --left;
    return yes;
}

void append_date(std::string& out, std::int32_t ymd) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", ymd / 10000, (ymd / 100) % 100, ymd % 100);
    out += b;
}

// Columns the pupil file provides; everything else of the school-level census goes to the school file.
bool is_pupil_column(const std::string& c) {
    bool secondary = false;
    return c.rfind("nor_", 0) == 0 || is_characteristic_column(c, secondary) || c == "pp_plac" ||
           c == "pp_service";
}

const char* const kYearText[15] = {"R", "1", "2",  "3",  "4",  "5",  "6", "7",
                                   "8", "9", "10", "11", "12", "13", "14"};

class Writer {
  public:
    explicit Writer(std::ostream& os) : os_(os) { buf_.reserve(kBlock + 4096); }
    std::string& buf() { return buf_; }
    void maybe_flush() {
        if (buf_.size() >= kBlock) flush();
    }
    void flush() {
        os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        if (!os_) fail("cannot write the synthetic pupil file (is the disk full?)");
        buf_.clear();
    }

  private:
    static constexpr std::size_t kBlock = 1 << 20;
    std::ostream& os_;
    std::string buf_;
};

}  // namespace

SynthPupilStats synth_pupil_files(const SynthPupilOptions& opt, std::ostream& pupils_os,
                                  std::ostream& schools_os, std::ostream& lookup_os) {
    if (opt.bands.cutoff[5] <= 0) fail("synthetic pupils need IDACI band cut-offs (a bands file)");
    if (opt.lsoas <= static_cast<std::size_t>(opt.bands.cutoff[5]))
        fail("synthetic pupils need more LSOAs than band f's cut-off (" +
             std::to_string(opt.bands.cutoff[5]) + ")");
    std::int32_t check = 0;
    {
        char b[16];
        std::snprintf(b, sizeof b, "%04d-%02d-%02d", opt.census_date / 10000, (opt.census_date / 100) % 100,
                      opt.census_date % 100);
        if (!parse_iso_date(b, check) || check != opt.census_date) fail("the census date is not a real date");
    }
    Census c = census_from_csv_text(synth_census_csv(opt.schools), "synth");
    Rng rng(opt.schools.seed * 0x9E3779B97F4A7C15ULL + 0x5EED);
    SynthPupilStats st;
    st.schools = c.size;

    // LSOA lookup: England-style codes with ranks a random permutation of 1..L, so bands hold the shares
    // their cut-offs give them.
    const std::size_t L = opt.lsoas;
    std::vector<std::int64_t> rank(L);
    for (std::size_t i = 0; i < L; ++i) rank[i] = static_cast<std::int64_t>(i + 1);
    for (std::size_t i = L - 1; i > 0; --i) std::swap(rank[i], rank[rng.below(i + 1)]);
    std::array<std::vector<std::uint32_t>, 7> in_band;
    std::vector<std::string> code(L);
    {
        Writer w(lookup_os);
        w.buf() += "lsoa,idaci_rank\n";
        for (std::size_t i = 0; i < L; ++i) {
            char b[16];
            std::snprintf(b, sizeof b, "E01%06u", static_cast<unsigned>(i + 1));
            code[i] = b;
            in_band[static_cast<std::size_t>(opt.bands.band_of(rank[i]))].push_back(
                static_cast<std::uint32_t>(i));
            w.buf() += code[i] + ',' + std::to_string(rank[i]) + '\n';
            w.maybe_flush();
        }
        w.flush();
    }

    // School file: every column of the school-level census that the pupils do not provide.
    {
        Writer w(schools_os);
        std::vector<std::size_t> keep;
        for (std::size_t k = 0; k < c.columns.size(); ++k)
            if (!is_pupil_column(c.columns[k])) keep.push_back(k);
        for (std::size_t j = 0; j < keep.size(); ++j) w.buf() += (j ? "," : "") + c.columns[keep[j]];
        w.buf() += '\n';
        for (std::size_t r = 0; r < c.size; ++r) {
            for (std::size_t j = 0; j < keep.size(); ++j)
                w.buf() += (j ? "," : "") + csv_quote(c.cells[keep[j]][r]);
            w.buf() += '\n';
            w.maybe_flush();
        }
        w.flush();
    }

    // Entry dates. The academic year of the census starts on 1 September; a pupil who joined the school
    // at the usual time joined on the September its first year there began.
    const int cy = opt.census_date / 10000, cm = (opt.census_date / 100) % 100;
    const int ay = cm >= 9 ? cy : cy - 1;
    const std::int64_t census_day = days_of(opt.census_date);
    const std::int64_t three_before =
        days_of(opt.census_date - 30000 + (opt.census_date % 10000 == 229 ? -1 : 0));
    // Possible mobile entry days (docs/interfaces.md §4) for a pupil k years into the school, Reception or
    // not.
    std::map<int, std::vector<std::int32_t>> mobile_days;
    auto mobile_list = [&](int k, bool reception) -> const std::vector<std::int32_t>& {
        const int key = k * 2 + (reception ? 1 : 0);
        auto it = mobile_days.find(key);
        if (it != mobile_days.end()) return it->second;
        std::vector<std::int32_t> v;
        const std::int64_t start = std::max(days_from_civil(ay - k, 9, 1), three_before + 1);
        for (std::int64_t d = start; d <= census_day; ++d) {
            const std::int32_t ymd = ymd_from_days(d);
            const int m = (ymd / 100) % 100;
            if (m != 8 && m != 9 && !(reception && m == 1)) v.push_back(ymd);
        }
        return mobile_days.emplace(key, std::move(v)).first->second;
    };

    // UPNs: a letter and 12 digits. The digits are serial × a multiplier coprime to 10, mod 10^12: a
    // bijection, so UPNs never repeat, yet they look random.
    const std::uint64_t upn_offset = (opt.schools.seed * 0x2545F4914F6CDD1DULL) % 1000000000000ULL;
    std::uint64_t serial = 0;
    auto new_upn = [&](char* out) {
        constexpr std::uint64_t kMod = 1000000000000ULL, kMul = 780291637ULL;  // kMul is coprime to 10
        const std::uint64_t a = serial++ % kMod;
        // (a × kMul) mod 10^12 in 64 bits: a = hi × 10^6 + lo, each partial product below 2^64.
        const std::uint64_t hi = a / 1000000, lo = a % 1000000;
        std::uint64_t digits = ((hi * kMul) % kMod * 1000000 % kMod + lo * kMul % kMod + upn_offset) % kMod;
        static const char kLetters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";
        out[0] = kLetters[(digits * 7 + 3) % 23];
        for (int i = 12; i >= 1; --i) {
            out[i] = static_cast<char>('0' + digits % 10);
            digits /= 10;
        }
        out[13] = '\0';
    };

    Writer w(pupils_os);
    std::string& b = w.buf();
    b += "upn,urn,nc_year,enrolment,fsm,fsm6,eal3,lpa,pp_ever6,pp_plac,pp_service,lsoa,entry_date\n";
    auto lsoa_in = [&](int band) -> const std::string& {
        const auto& v = in_band[static_cast<std::size_t>(band)];
        return code[v[rng.below(v.size())]];
    };
    struct Pending {
        char upn[14];
        int year;
    };
    std::vector<Pending> pending_subsidiary;
    auto row = [&](const char* upn, std::int64_t urn, const char* year, char enrol,
                   const std::array<int, 7>& flags, const std::string& lsoa, std::int32_t entry) {
        b += upn;
        b += ',';
        b += std::to_string(urn);
        b += ',';
        b += year;
        b += ',';
        b += enrol;
        for (int f : flags) {
            b += ',';
            b += static_cast<char>('0' + f);
        }
        b += ',';
        b += lsoa;
        b += ',';
        append_date(b, entry);
        b += '\n';
        ++st.rows;
        w.maybe_flush();
    };
    auto usual_start = [&](int k) {
        return ymd_from_days(days_from_civil(ay - k, 9, 1) + static_cast<std::int64_t>(rng.below(6)));
    };
    auto random_flags = [&](double p) {
        std::array<int, 7> f{};
        for (int& x : f) x = rng.chance(p) ? 1 : 0;
        f[1] = f[1] | f[0];  // fsm6 includes current fsm (docs/funding-model.md §2 and docs/interfaces.md §4)
        f[4] = f[1];
        return f;
    };

    const Eigen::ArrayXd* measure[2][10];
    const char* mnames[10] = {"fsm",     "fsm6",    "idaci_a", "idaci_b", "idaci_c",
                              "idaci_d", "idaci_e", "idaci_f", "lpa",     "eal3"};
    for (int g = 0; g < 2; ++g)
        for (int m = 0; m < 10; ++m)
            measure[g][m] = &c.numeric(std::string(mnames[m]) + (g == 0 ? "_primary" : "_secondary"));
    const Eigen::ArrayXd* mobility[2] = {&c.numeric("mobility_primary"), &c.numeric("mobility_secondary")};
    const Eigen::ArrayXd& pp_plac = c.numeric("pp_plac");
    const Eigen::ArrayXd& pp_service = c.numeric("pp_service");

    for (std::size_t s = 0; s < c.size; ++s) {
        const auto i = static_cast<Eigen::Index>(s);
        const std::int64_t urn = c.urn[s];
        // Subsidiary rows of pupils main-registered at the previous school.
        for (const Pending& p : pending_subsidiary)
            row(p.upn, urn, kYearText[p.year], 'S', random_flags(0.1), lsoa_in(IdaciBands::kNone),
                usual_start(0));
        pending_subsidiary.clear();

        // Year groups taught: key-stage pupils spread over them with some variation.
        std::array<std::int64_t, 12> in_year{};
        const int yg[3] = {static_cast<int>(c.yg_primary[i]), static_cast<int>(c.yg_ks3[i]),
                           static_cast<int>(c.yg_ks4[i])};
        const double nor[3] = {c.nor_primary[i], c.nor_ks3[i], c.nor_ks4[i]};
        const int top[3] = {6, 9, 11};
        int first_year = -1;
        for (int ks = 0; ks < 3; ++ks) {
            const auto n = static_cast<std::int64_t>(std::llround(nor[ks]));
            if (n == 0 || yg[ks] == 0) continue;
            const int lo = ks == 1 ? 7 : (ks == 2 ? 10 : top[0] - yg[0] + 1);
            const int hi = ks == 0 ? 6 : lo + yg[ks] - 1;
            if (first_year < 0) first_year = lo;
            std::vector<double> wgt;
            double total = 0;
            for (int y = lo; y <= std::min(hi, top[ks]); ++y) {
                wgt.push_back(std::max(0.5, 1.0 + 0.08 * rng.normal()));
                total += wgt.back();
            }
            std::int64_t given = 0;
            for (std::size_t k = 0; k < wgt.size(); ++k) {
                const auto y = static_cast<std::size_t>(lo) + k;
                in_year[y] =
                    k + 1 == wgt.size()
                        ? n - given
                        : static_cast<std::int64_t>(std::floor(static_cast<double>(n) * wgt[k] / total));
                given += in_year[y];
            }
        }
        if (first_year < 0) first_year = 0;

        // Nursery classes at some schools that start at Reception.
        if (first_year == 0 && rng.chance(0.3)) {
            const int n2 = static_cast<int>(rng.uniform(15, 52)), n1 = static_cast<int>(rng.uniform(0, 26));
            char upn[14];
            for (int k = 0; k < n2 + n1; ++k) {
                new_upn(upn);
                row(upn, urn, k < n2 ? "N2" : "N1", 'C', random_flags(0.05), lsoa_in(IdaciBands::kNone),
                    usual_start(0));
            }
        }

        // Counted pupils: exact counts per group by selection sampling.
        std::int64_t all_left = in_year[0];
        for (int y = 1; y < 12; ++y) all_left += in_year[static_cast<std::size_t>(y)];
        std::int64_t plac_left = std::llround(pp_plac[i]), service_left = std::llround(pp_service[i]);
        for (int g = 0; g < 2; ++g) {
            const int ylo = g == 0 ? 0 : 7, yhi = g == 0 ? 6 : 11;
            std::int64_t n_left = 0, eligible_left = 0;
            for (int y = ylo; y <= yhi; ++y) {
                n_left += in_year[static_cast<std::size_t>(y)];
                if (in_year[static_cast<std::size_t>(y)] > 0 && !mobile_list(y - first_year, y == 0).empty())
                    eligible_left += in_year[static_cast<std::size_t>(y)];
            }
            std::int64_t want[10];
            for (int m = 0; m < 10; ++m) want[m] = std::llround((*measure[g][m])[i]);
            // FSM6 includes current FSM (docs/funding-model.md §2 and docs/interfaces.md §4): the FSM pupils,
            // then the rest among the others.
            std::int64_t fsm_left = want[0], extra6 = want[1] - want[0];
            std::int64_t band_left[6];
            for (int k = 0; k < 6; ++k) band_left[k] = want[2 + k];
            std::int64_t mobile_want = std::llround((*mobility[g])[i]);
            if (mobile_want > eligible_left) {
                st.mobility_short += static_cast<std::size_t>(mobile_want - eligible_left);
                mobile_want = eligible_left;
            }
            for (int y = ylo; y <= yhi; ++y) {
                const int k_years = y - first_year;
                const auto& mob = mobile_list(k_years, y == 0);
                for (std::int64_t p = 0; p < in_year[static_cast<std::size_t>(y)]; ++p) {
                    std::array<int, 7> f{};
                    std::int64_t pool = n_left - fsm_left;  // pupils left that are not FSM, this one included
                    std::int64_t left = n_left;
                    f[0] = take(rng, fsm_left, left) ? 1 : 0;
                    f[1] = f[0] ? 1 : (take(rng, extra6, pool) ? 1 : 0);
                    f[4] = f[1];  // pupil premium Ever 6 = FSM6 in the school-level synthetic census
                    left = n_left;
                    f[3] = take(rng, want[8], left) ? 1 : 0;
                    left = n_left;
                    f[2] = take(rng, want[9], left) ? 1 : 0;
                    left = all_left;
                    f[5] = take(rng, plac_left, left) ? 1 : 0;
                    left = all_left;
                    f[6] = take(rng, service_left, left) ? 1 : 0;
                    // IDACI band: a draw without replacement over a..f and "none".
                    int band = IdaciBands::kNone;
                    {
                        const double u = rng.uniform() * static_cast<double>(n_left);
                        double acc = 0;
                        for (int k = 0; k < 6; ++k) {
                            acc += static_cast<double>(band_left[k]);
                            if (u < acc) {
                                band = k;
                                --band_left[k];
                                break;
                            }
                        }
                    }
                    bool mobile = false;
                    if (!mob.empty()) {
                        std::int64_t el = eligible_left;
                        mobile = take(rng, mobile_want, el);
                        --eligible_left;
                    }
                    std::int32_t entry;
                    if (mobile) {
                        entry = mob[rng.below(mob.size())];
                    } else {
                        entry = usual_start(k_years);
                        const std::int64_t start = days_of(entry);
                        if (y == 0 && cm >= 1 && cm <= 7 && rng.chance(0.06) &&
                            days_from_civil(ay + 1, 1, 8) <= census_day) {
                            entry = ymd_from_days(days_from_civil(ay + 1, 1, 3) +
                                                  static_cast<std::int64_t>(rng.below(6)));
                        } else if (start < three_before - 60 && rng.chance(0.05)) {
                            // Joined mid-year, but more than three years ago: not mobile any more.
                            entry =
                                ymd_from_days(start + static_cast<std::int64_t>(rng.below(
                                                          static_cast<std::size_t>(three_before - start))));
                        }
                    }
                    --n_left;
                    --all_left;
                    const bool blank_lsoa = band == IdaciBands::kNone && rng.chance(0.005);
                    char upn[14];
                    new_upn(upn);
                    const bool dual = rng.chance(0.002);
                    row(upn, urn, kYearText[y], dual ? 'M' : 'C', f,
                        blank_lsoa ? std::string() : lsoa_in(band), entry);
                    ++st.counted;
                    if (dual) {
                        Pending pd{};
                        std::memcpy(pd.upn, upn, 14);
                        pd.year = y;
                        pending_subsidiary.push_back(pd);
                    }
                    if (rng.chance(0.001)) {
                        char guest[14];
                        new_upn(guest);
                        row(guest, urn, kYearText[y], 'G', random_flags(0.1), lsoa_in(IdaciBands::kNone),
                            entry);
                    }
                }
            }
        }

        // Sixth forms at about half the schools with Year 11.
        if (in_year[11] > 0 && rng.chance(0.55)) {
            const auto y12 = static_cast<int>(static_cast<double>(in_year[11]) * rng.uniform(0.4, 0.9));
            const auto y13 = static_cast<int>(y12 * 0.9);
            const int y14 = rng.chance(0.05) ? 1 + static_cast<int>(rng.below(3)) : 0;
            char upn[14];
            for (int k = 0; k < y12 + y13 + y14; ++k) {
                new_upn(upn);
                const int y = k < y12 ? 12 : (k < y12 + y13 ? 13 : 14);
                row(upn, urn, kYearText[y], 'C', random_flags(0.1), lsoa_in(IdaciBands::kNone),
                    usual_start(y - 12));
            }
        }
    }
    w.flush();
    return st;
}

}  // namespace fundsim
