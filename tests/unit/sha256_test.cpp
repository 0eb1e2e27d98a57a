// SHA-256 (engine/core/sha256.hpp) on the standard test vectors of FIPS 180-4's examples (NIST's
// "SHA256.pdf" and the NESSIE/CAVS one-million-'a' vector), whole and fed in pieces, and of a file.
#include "engine/core/sha256.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/core/sha256_blocks.hpp"
#include "tests/support.hpp"

namespace sha256_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// The 448-bit and 896-bit messages of the FIPS 180-4 examples (two blocks once padded, and a message
// whose padding needs a block of its own).
const std::string k448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const std::string k896 =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrst"
    "nopqrstu";

// Feeds `bytes` to a hasher `piece` bytes at a time.
std::string in_pieces(const std::string& bytes, std::size_t piece) {
    Sha256 h;
    for (std::size_t i = 0; i < bytes.size(); i += piece) h.update(std::string_view(bytes).substr(i, piece));
    return to_hex(h.digest());
}

}  // namespace

TEST_CASE("sha256: the FIPS 180-4 test vectors", "[sha256]") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(k448.size() * 8 == 448);
    CHECK(sha256_hex(k448) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(k896.size() * 8 == 896);
    CHECK(sha256_hex(k896) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: the same digest whatever the pieces the bytes come in", "[sha256]") {
    for (std::size_t piece : {1, 3, 55, 56, 63, 64, 65, 127}) {
        CAPTURE(piece);
        CHECK(in_pieces("abc", piece) == sha256_hex("abc"));
        CHECK(in_pieces(k448, piece) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK(in_pieces(k896, piece) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    }
    CHECK(in_pieces(std::string(1000000, 'a'), 4093) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: a file's digest is its bytes' digest; a missing file is an input error", "[sha256]") {
    test::TempDir dir("sha256");
    // Longer than the 64 KiB read buffer, so the file is read in several pieces.
    const std::string bytes = std::string(70000, 'a') + std::string("\r\n\0\xff", 4) + k896;
    CHECK(sha256_file_hex(dir.write("f.bin", bytes)) == sha256_hex(bytes));
    CHECK(sha256_file_hex(dir.write("empty", "")) == sha256_hex(""));
    try {
        sha256_file_hex(dir / "missing.csv");
        FAIL("no error for a missing file");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(std::string(e.what()).find("missing.csv: cannot open file to record its SHA-256") !=
              std::string::npos);
    }
}

namespace {
// FIPS 180-4 §5.3.3's initial state.
std::array<std::uint32_t, 8> initial_state() {
    return {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
}
}  // namespace

TEST_CASE("sha256: the plain blocks give the FIPS digest of 'abc' whichever form the hasher uses",
          "[sha256]") {
    // "abc" padded by hand: 0x80, zeros, then its length, 24 bits, in the last byte (FIPS 180-4 §5.1.1).
    std::array<std::uint8_t, 64> block{};
    block[0] = 'a';
    block[1] = 'b';
    block[2] = 'c';
    block[3] = 0x80;
    block[63] = 24;
    auto h = initial_state();
    sha256_blocks::plain(h.data(), block.data(), 1);
    CHECK(h == std::array<std::uint32_t, 8>{0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223, 0xb00361a3,
                                            0x96177a9c, 0xb410ff61, 0xf20015ad});
}

TEST_CASE("sha256: the x86 SHA-extension blocks give the plain blocks' state on random data", "[sha256]") {
    if (!sha256_blocks::has_x86_sha()) {
        // Nothing to compare on this processor: the hasher uses the plain form, which the vectors check.
        SUCCEED("no SHA extensions here: the plain form is the only one in use");
        return;
    }
    std::mt19937 rng(20261206);
    for (std::size_t blocks : {1u, 2u, 3u, 17u, 64u}) {
        std::vector<std::uint8_t> data(64 * blocks);
        for (auto& b : data) b = static_cast<std::uint8_t>(rng());
        auto plain = initial_state(), x86 = initial_state();
        // A state that is not the initial one too: start both from the same random words.
        if (blocks == 3)
            for (std::size_t i = 0; i < 8; ++i) plain[i] = x86[i] = static_cast<std::uint32_t>(rng());
        sha256_blocks::plain(plain.data(), data.data(), blocks);
        sha256_blocks::x86_sha(x86.data(), data.data(), blocks);
        CAPTURE(blocks);
        CHECK(plain == x86);
    }
}

}  // namespace sha256_test
