// Benchmark of `fundsim ingest` (issue 4): a national-size synthetic pupil extract (20,000 schools, about
// 8 million pupils) ingested several times; prints MB/s, the median time and peak memory, at two sizes.
#include <csv.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_timing.hpp"
#include "engine/ingest/ingest.hpp"
#include "engine/io/csv_cell_reader.hpp"
#include "engine/synth/synth_pupils.hpp"
#include "reports/output_file.hpp"

using namespace fundsim;
using namespace fundsim::bench;
namespace fs = std::filesystem;

extern char** environ;

namespace {

struct Measure {
    double wall = 0, cpu = 0, peak_mb = 0;
};

// The process's own peak resident memory (VmHWM). Not ru_maxrss: Linux carries the spawning process's
// peak across exec into it, which here would be the generator's.
double own_peak_mb() {
    std::ifstream in("/proc/self/status");
    std::string key;
    double kb = 0;
    while (in >> key) {
        if (key == "VmHWM:") {
            in >> kb;
            break;
        }
        std::getline(in, key);
    }
    return kb / 1024.0;
}

std::string g_peak_file;

// Runs this program again with `args` in a fresh process; it reports its own peak memory in a file.
Measure run_child(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    static std::string self = fs::read_symlink("/proc/self/exe").string();
    argv.push_back(self.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto t0 = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
        std::perror("posix_spawn");
        std::exit(1);
    }
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    Measure m;
    m.wall = std::chrono::duration<double>(Clock::now() - t0).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "child %s failed\n", args[0].c_str());
        std::exit(1);
    }
    m.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
            static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
    std::ifstream(g_peak_file) >> m.peak_mb;
    return m;
}

// The child that ingests: exactly what `fundsim ingest` does, output written atomically.
int child_ingest(char** a) {
    IngestOptions opt;
    opt.pupils = a[0];
    opt.schools = a[1];
    opt.idaci = a[2];
    opt.bands = load_idaci_bands(a[3]);
    opt.census_date = 20241003;
    IngestResult r = ingest_pupil_census(opt);
    write_file_atomic(a[4], r.census_csv);
    if (r.summary.set_aside.size() != 0 || r.summary.schools_written == 0) return 1;
    std::ofstream(a[5]) << own_peak_mb() << "\n";
    return 0;
}

// The baseline: libcsv alone over the same file, callbacks that do nothing but count.
int child_libcsv(const char* path, const char* peak_file) {
    csv_parser p{};
    csv_init(&p, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI);
    std::size_t cells = 0;
    auto on_cell = [](void*, std::size_t, void* n) { ++*static_cast<std::size_t*>(n); };
    auto on_end = [](int, void*) {};
    FILE* f = std::fopen(path, "rb");
    if (!f) return 1;
    std::vector<char> buf(1 << 20);
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), f)) > 0;)
        if (csv_parse(&p, buf.data(), n, on_cell, on_end, &cells) != n) return 1;
    csv_fini(&p, on_cell, on_end, &cells);
    csv_free(&p);
    std::fclose(f);
    std::ofstream(peak_file) << own_peak_mb() << "\n";
    return cells > 0 ? 0 : 1;
}

// fundsim's own CSV loop alone over the same file (engine/io/csv_cell_reader.hpp), a sink that only counts.
struct CountingSink {
    std::size_t cells = 0, records = 0;
    void cell(std::size_t, std::string_view) { ++cells; }
    void end(std::int64_t, std::size_t) { ++records; }
};
int child_loop(const char* path, const char* peak_file) {
    CountingSink sink;
    CsvCellReader<CountingSink>(path, sink).read_file();
    std::ofstream(peak_file) << own_peak_mb() << "\n";
    return sink.cells > 0 ? 0 : 1;
}

struct Extract {
    std::string pupils, schools, lsoa;
    double mb = 0;
    SynthPupilStats stats;
    double seconds = 0;
};

Extract make_extract(const std::string& dir, const std::string& tag, std::size_t schools,
                     const IdaciBands& bands) {
    Extract e;
    e.pupils = dir + "/pupils-" + tag + ".csv";
    e.schools = dir + "/schools-" + tag + ".csv";
    e.lsoa = dir + "/lsoa-" + tag + ".csv";
    SynthPupilOptions so;
    so.schools.schools = schools;
    so.schools.seed = 2025;
    so.bands = bands;
    const auto t0 = Clock::now();
    std::ofstream p(e.pupils, std::ios::binary), s(e.schools, std::ios::binary), l(e.lsoa, std::ios::binary);
    e.stats = synth_pupil_files(so, p, s, l);
    p.close();
    s.close();
    l.close();
    e.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    e.mb = static_cast<double>(fs::file_size(e.pupils)) / 1e6;
    return e;
}

std::string thousands(std::size_t v) {
    std::string d = std::to_string(v), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "--child-ingest") == 0 && argc == 8) return child_ingest(argv + 2);
    if (argc >= 2 && std::strcmp(argv[1], "--child-libcsv") == 0 && argc == 4)
        return child_libcsv(argv[2], argv[3]);
    if (argc >= 2 && std::strcmp(argv[1], "--child-loop") == 0 && argc == 4)
        return child_loop(argv[2], argv[3]);

    const std::string source = argc > 1 ? argv[1] : ".";
    const std::size_t schools = argc > 2 ? std::stoul(argv[2]) : 20000;
    const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
    const std::size_t small_schools = argc > 4 ? std::stoul(argv[4]) : 2500;
    const std::string bands_path = source + "/data/lookups/idaci-bands-2025-26.json";
    const IdaciBands bands = load_idaci_bands(bands_path);

    std::string dir_template = (fs::temp_directory_path() / "fundsim-bench-ingest-XXXXXX").string();
    if (mkdtemp(dir_template.data()) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::string dir = dir_template;
    g_peak_file = dir + "/peak.txt";

    struct Row {
        std::string tag;
        Extract e;
        std::vector<double> wall, cpu;
        double peak = 0;
        Measure raw, loop;
    };
    std::vector<Row> rows;
    for (const auto& [tag, n] : {std::pair<std::string, std::size_t>{"national", schools},
                                 {"eighth", schools},
                                 {"small", small_schools}}) {
        Row r;
        r.tag = tag;
        if (tag == "eighth") {
            // The national schools with one pupil row in eight: the same school table and output, an eighth
            // of the pupils, so any memory kept per pupil would show as a difference from the national run.
            r.e = rows[0].e;
            r.e.pupils = dir + "/pupils-eighth.csv";
            std::ifstream in(rows[0].e.pupils, std::ios::binary);
            std::ofstream out(r.e.pupils, std::ios::binary);
            std::string line;
            std::size_t k = 0;
            r.e.stats.rows = 0;
            while (std::getline(in, line))
                if (k++ % 8 == 0) {
                    out << line << '\n';
                    r.e.stats.rows += k > 1;
                }
            out.close();
            r.e.mb = static_cast<double>(fs::file_size(r.e.pupils)) / 1e6;
        } else {
            r.e = make_extract(dir, tag, n, bands);
        }
        const int k = tag == "national" ? runs : 3;
        // The file is in the page cache after it is written: this measures parsing, not the disk.
        r.raw = run_child({"--child-libcsv", r.e.pupils, g_peak_file});
        r.loop = run_child({"--child-loop", r.e.pupils, g_peak_file});
        for (int i = 0; i < k; ++i) {
            Measure m = run_child({"--child-ingest", r.e.pupils, r.e.schools, r.e.lsoa, bands_path,
                                   dir + "/out.csv", g_peak_file});
            r.wall.push_back(m.wall);
            r.cpu.push_back(m.cpu);
            r.peak = std::max(r.peak, m.peak_mb);
        }
        rows.push_back(std::move(r));
    }

    const Row& nat = rows[0];
    const Row& eighth = rows[1];
    const Row& small = rows[2];
    const double wall = median(nat.wall), cpu = median(nat.cpu);
    std::printf("ingest benchmark: %s schools, %s pupil rows (%s counted), %.1f MB (10^6 bytes); %d runs\n",
                thousands(nat.e.stats.schools).c_str(), thousands(nat.e.stats.rows).c_str(),
                thousands(nat.e.stats.counted).c_str(), nat.e.mb, runs);
    std::printf("  synth (writing the three files):       %.2f s\n", nat.e.seconds);
    std::printf("  baseline, libcsv alone (no work):      wall %.2f s = %.0f MB/s, CPU %.2f s = %.0f MB/s\n",
                nat.raw.wall, nat.e.mb / nat.raw.wall, nat.raw.cpu, nat.e.mb / nat.raw.cpu);
    std::printf("  fundsim's CSV loop alone (no work):    wall %.2f s = %.0f MB/s, CPU %.2f s = %.0f MB/s\n",
                nat.loop.wall, nat.e.mb / nat.loop.wall, nat.loop.cpu, nat.e.mb / nat.loop.cpu);
    std::printf("  ingest, median of %d (whole process):   wall %.2f s = %.0f MB/s, CPU %.2f s = %.0f MB/s\n",
                runs, wall, nat.e.mb / wall, cpu, nat.e.mb / cpu);
    std::printf("  ingest, best:                          wall %.2f s, CPU %.2f s\n",
                *std::min_element(nat.wall.begin(), nat.wall.end()),
                *std::min_element(nat.cpu.begin(), nat.cpu.end()));
    std::printf("  ingest CPU / libcsv CPU:               %.2f\n", cpu / nat.raw.cpu);
    std::printf("  peak memory (VmHWM of the process):    %.1f MB (libcsv alone: %.1f MB)\n", nat.peak,
                nat.raw.peak_mb);
    std::printf(
        "  same %s schools, one row in eight (%s rows): CPU %.2f s = %.0f MB/s, peak memory %.1f MB\n",
        thousands(nat.e.stats.schools).c_str(), thousands(eighth.e.stats.rows).c_str(), median(eighth.cpu),
        eighth.e.mb / median(eighth.cpu), eighth.peak);
    std::printf("  %s schools, %s rows (%.1f MB):  CPU %.2f s = %.0f MB/s, peak memory %.1f MB\n",
                thousands(small.e.stats.schools).c_str(), thousands(small.e.stats.rows).c_str(), small.e.mb,
                median(small.cpu), small.e.mb / median(small.cpu), small.peak);
    std::printf(
        "  memory, same schools, 8 times the pupils: %.2f times; per school: %.2f KB\n",
        nat.peak / eighth.peak,
        (nat.peak - small.peak) * 1024.0 / static_cast<double>(nat.e.stats.schools - small.e.stats.schools));
    std::printf("  target > 150 MB/s on one core: median CPU MB/s / 150 = %.2f\n", nat.e.mb / cpu / 150.0);
    std::printf("  goal 300 MB/s on one core (issue 17): median CPU MB/s / 300 = %.2f\n",
                nat.e.mb / cpu / 300.0);
    // Machine-readable lines for scripts/bench.sh: "figure NAME VALUE UNIT".
    std::printf(
        "figure ingest_cpu_mb_per_s %.1f MB/s\nfigure ingest_wall_mb_per_s %.1f MB/s\n"
        "figure ingest_median_cpu_s %.3f s\nfigure ingest_peak_memory_mb %.1f MB\n"
        "figure ingest_eighth_peak_memory_mb %.1f MB\nfigure ingest_small_peak_memory_mb %.1f MB\n"
        "figure ingest_libcsv_cpu_mb_per_s %.1f MB/s\nfigure ingest_loop_cpu_mb_per_s %.1f MB/s\n",
        nat.e.mb / cpu, nat.e.mb / wall, cpu, nat.peak, eighth.peak, small.peak, nat.e.mb / nat.raw.cpu,
        nat.e.mb / nat.loop.cpu);
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
