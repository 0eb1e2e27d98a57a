// Atomic outputs: every file of a command is written under a temporary name in its target folder and
// renamed into place only when all of them are complete, so a failed run leaves no partial file.
#pragma once

#include <string>
#include <vector>

namespace fundsim {

class OutputSet {
  public:
    explicit OutputSet(std::string dir);  // creates dir if needed
    ~OutputSet();                         // removes temporaries not committed
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    // Writes `content` to a temporary file for `name` (relative to the folder).
    void add(const std::string& name, const std::string& content);
    // Writes a file with a function given the temporary path (for libraries that write files themselves).
    template <class F>
    void add_with(const std::string& name, F write_to_path) {
        const std::string tmp = temp_path(name);
        pending_.push_back({tmp, path_of(name)});
        write_to_path(tmp);
    }
    // Renames every temporary into place.
    void commit();
    std::string path_of(const std::string& name) const { return dir_ + "/" + name; }
    const std::string& dir() const { return dir_; }

  private:
    std::string temp_path(const std::string& name) const;
    struct Pending {
        std::string tmp, final;
    };
    std::string dir_;
    std::vector<Pending> pending_;
    bool committed_ = false;
};

// Writes one file atomically (temporary name + rename).
void write_file_atomic(const std::string& path, const std::string& content);

}  // namespace fundsim
