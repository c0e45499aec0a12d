// Random programs against a pairwise model of the dependence engine
// (deps/deps.h), driven through deps_shim.c; the directed cases are in
// deps_test.cpp.
#include <gtest/gtest.h>

#include <bitset>
#include <cctype>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "deps_test.h"

namespace {

using namespace deps_test;

// ---- random programs against a pairwise model ------------------------------
//
// Regions come from a palette of distinct byte sets over a 16x16 byte
// matrix. Task b (later) must wait for task a (earlier) iff their regions
// share a byte and not (both in), not (both inoutset on the same region),
// not (both mutexinoutset on the same region); mutexinoutset members on the
// same region never run together. Checked after every event: no ready task
// has an unfinished earlier conflict (safety) and every waiting task whose
// earlier conflicts are all done is ready, or is a mutexinoutset member
// whose slot is held by a running one (liveness).

const Acc palette[] = {
    bytes(0, 256),                       // 0 whole
    bytes(0, 64),                        // 1
    bytes(32, 64),                       // 2
    bytes(64, 64),                       // 3
    bytes(128, 128),                     // 4
    bytes(100, 1),                       // 5 one byte
    {B, 2, {{16, 0, 8}, {16, 0, 8}}},    // 6 block rows 0-7 cols 0-7
    {B, 2, {{16, 4, 12}, {16, 4, 12}}},  // 7 block rows 4-11 cols 4-11
    {B, 2, {{16, 8, 16}, {16, 0, 16}}},  // 8 right half (interleaved with 6)
    {B, 2, {{16, 3, 4}, {16, 0, 16}}},   // 9 column 3
    {B, 2, {{16, 0, 16}, {16, 2, 4}}},   // 10 rows 2-3 (contiguous [32,64))
    {B, 3, {{4, 1, 3}, {4, 0, 4}, {16, 4, 8}}},  // 11 3-D: rows 4-7, 2 of every 4
};
constexpr int kPalette = sizeof palette / sizeof palette[0];

std::bitset<256> bits_of(const Acc &a)
{
    std::bitset<256> b;
    size_t s1 = a.d[0].size, s2 = s1 * (a.n > 1 ? a.d[1].size : 1);
    size_t z0 = a.n > 2 ? a.d[2].start : 0, z1 = a.n > 2 ? a.d[2].end : 1;
    size_t y0 = a.n > 1 ? a.d[1].start : 0, y1 = a.n > 1 ? a.d[1].end : 1;
    for (size_t z = z0; z < z1; z++)
        for (size_t y = y0; y < y1; y++)
            for (size_t x = a.d[0].start; x < a.d[0].end; x++)
                b.set(a.base - B + x + y * s1 + z * s2);
    return b;
}

struct ModelCase {
    const char *name;
    unsigned tasks;
    unsigned weights[5];  // of in, out, inout, inoutset, mutexinoutset
    unsigned first, last; // use palette[first, last)
    uint64_t seed;
    unsigned max_deps = 1; // dependences per task drawn from [1, max_deps]
};

void PrintTo(const ModelCase &c, std::ostream *os) { *os << c.name; }

const ModelCase model_cases[] = {
    {"uniform", 400, {1, 1, 1, 1, 1}, 0, kPalette, 11},
    {"uniform 2", 400, {1, 1, 1, 1, 1}, 0, kPalette, 12},
    {"mostly readers", 400, {6, 1, 1, 0, 0}, 0, kPalette, 13},
    {"sets and mutexes", 400, {1, 1, 0, 3, 3}, 0, kPalette, 14},
    {"sets and mutexes few regions", 400, {1, 0, 1, 4, 4}, 0, 4, 15},
    {"1-D only", 400, {2, 1, 1, 1, 1}, 0, 6, 16},
    {"2-D and 3-D only", 400, {2, 1, 1, 1, 1}, 6, kPalette, 17},
};

class DepsModel : public ::testing::TestWithParam<ModelCase> {};

// Runs one random program. Safety and progress always fail the test; a task
// left waiting with nothing it depends on pending (a spurious wait) fails
// it only when `exact`, else it is counted in *spurious.
void run_model(const ModelCase &c, uint64_t seed, bool exact, unsigned *spurious)
{
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 g(seed);
    std::bitset<256> bits[kPalette];
    for (int i = 0; i < kPalette; i++) {
        bits[i] = bits_of(palette[i]);
        for (int j = 0; j < i; j++)
            ASSERT_NE(bits[i], bits[j]) << "palette entries " << j << " and " << i;
    }
    std::discrete_distribution<int> pick_type(c.weights, c.weights + 5);
    const unsigned n = c.tasks;
    // Task i has deps[i]: (type, palette index) pairs.
    std::vector<std::vector<std::pair<ss_dep_type_t, int>>> deps(n);
    for (unsigned i = 0; i < n; i++) {
        unsigned nd = 1 + (unsigned)(g() % c.max_deps);
        for (unsigned k = 0; k < nd; k++)
            deps[i].push_back({kTypes[pick_type(g)], (int)(c.first + g() % (c.last - c.first))});
    }
    auto describe = [&](unsigned i) {
        std::string s;
        for (const auto &d : deps[i])
            s += std::string(s.empty() ? "" : " ") + type_name(d.first) + "@" +
                 std::to_string(d.second);
        return s;
    };
    // Two dependences must be ordered (later waits for earlier) iff they share
    // a byte and are not both in, both inoutset, or both mutexinoutset on the
    // same region; the last pair must not run together.
    // Tasks conflict / exclude each other if any pair of their deps does,
    // except that a pair (x of a, y of b) is not counted when b also has a
    // dependence on x's very region that may run with x: b is then in x's
    // set (or commutative group), whose bytes include all of y's bytes that
    // x touches. (The engine relies on this: deps.c member_of.)
    auto free_pair = [](std::pair<ss_dep_type_t, int> x, std::pair<ss_dep_type_t, int> y) {
        bool same = x.second == y.second;
        auto both = [&](ss_dep_type_t k) { return x.first == k && y.first == k; };
        return both(SS_DEP_IN) || both(SS_DEP_INOUTSET) ||
               (same && both(SS_DEP_MUTEXINOUTSET));
    };
    std::vector<std::vector<char>> conflict(n, std::vector<char>(n, 0));
    std::vector<std::vector<char>> exclusive(n, std::vector<char>(n, 0));
    for (unsigned b = 0; b < n; b++)
        for (unsigned a = 0; a < b; a++)
            for (const auto &x : deps[a]) {
                bool covered = false;
                for (const auto &y : deps[b])
                    covered |= y.second == x.second && free_pair(x, y);
                for (const auto &y : deps[b]) {
                    bool ov = (bits[x.second] & bits[y.second]).any();
                    conflict[b][a] |= ov && !free_pair(x, y) && !covered;
                    if (x.second == y.second && x.first == SS_DEP_MUTEXINOUTSET &&
                        y.first == SS_DEP_MUTEXINOUTSET)
                        exclusive[b][a] = exclusive[a][b] = 1;
                }
            }
    auto overlaps = [&](unsigned a, unsigned b) {
        for (const auto &x : deps[a])
            for (const auto &y : deps[b])
                if ((bits[x.second] & bits[y.second]).any())
                    return true;
        return false;
    };

    shim_deps_reset();
    std::vector<int> id(n, -1);  // shim index of model task i
    std::vector<int> of_id;      // model task of shim index
    std::vector<char> done(n, 0);
    std::vector<unsigned> running;
    unsigned submitted = 0, completed = 0;
    auto state = [&](unsigned i) { return id[i] < 0 ? SHIM_CREATED : shim_state(id[i]); };

    // Earlier unfinished tasks overlapping b, for failure messages.
    auto pending_before = [&](unsigned b) {
        std::string s;
        for (unsigned a = 0; a < b; a++)
            if (!done[a] && overlaps(a, b))
                s += " " + std::to_string(a) + ":" + describe(a) +
                     (state(a) == SHIM_READY ? "(running)" : "(waiting)");
        return s.empty() ? std::string(" none overlapping") : " pending overlapping:" + s;
    };
    auto check = [&](unsigned event) {
        for (unsigned b = 0; b < submitted; b++) {
            if (done[b])
                continue;
            bool eligible = true;
            for (unsigned a = 0; a < b && eligible; a++)
                if (conflict[b][a] && !done[a])
                    eligible = false;
            int st = state(b);
            if (st == SHIM_READY) {
                ASSERT_TRUE(eligible) << "event " << event << ": task " << b << " ("
                                      << describe(b)
                                      << ") ready before an earlier conflicting task finished;"
                                      << pending_before(b);
                for (unsigned a : running)
                    ASSERT_FALSE(a != b && exclusive[a][b])
                        << "event " << event << ": mutexinoutset tasks " << a << " and " << b
                        << " run together";
            } else {
                ASSERT_EQ(st, SHIM_WAITING);
                if (!eligible)
                    continue;
                bool held = false;
                for (unsigned a : running)
                    held |= exclusive[a][b];
                if (!held && !exact) {
                    ++*spurious;
                    continue;
                }
                ASSERT_TRUE(held) << "event " << event << ": task " << b << " ("
                                  << describe(b)
                                  << ") waits though nothing it depends on is pending;"
                                  << pending_before(b);
            }
        }
    };

    for (unsigned event = 0; completed < n; event++) {
        if (submitted < n && (running.empty() || g() % 2)) {
            unsigned i = submitted++;
            id[i] = shim_new_task((unsigned)deps[i].size());
            for (const auto &d : deps[i])
                ASSERT_EQ(add(id[i], d.first, palette[d.second]), 0);
            of_id.push_back((int)i);
            if (submit(id[i]))
                running.push_back(i);
        } else {
            ASSERT_FALSE(running.empty()) << "deadlock: nothing ready at event " << event;
            size_t k = g() % running.size();
            unsigned i = running[k];
            running.erase(running.begin() + (long)k);
            Ids now = complete(id[i]);
            done[i] = 1;
            completed++;
            for (int x : now)
                running.push_back((unsigned)of_id[x]);
        }
        check(event);
        if (::testing::Test::HasFatalFailure())
            return;
        ASSERT_EQ(shim_errors(), 0u) << shim_last_error();
    }
    EXPECT_EQ(shim_objects(), 0u);
}

constexpr int kProgramsPerCase = 10;

// Never a task ready before an earlier conflicting task finished, never two
// mutexinoutset members together, never stuck.
TEST_P(DepsModel, SafeAndLive)
{
    unsigned spurious = 0;
    for (int p = 0; p < kProgramsPerCase && !HasFatalFailure(); p++)
        run_model(GetParam(), GetParam().seed * 1000 + p, false, &spurious);
    RecordProperty("spurious_waits", (int)spurious);
}

// And no task waits for anything it does not conflict with.
TEST_P(DepsModel, NoSpuriousWaits)
{
    unsigned spurious = 0;
    for (int p = 0; p < kProgramsPerCase && !HasFatalFailure(); p++)
        run_model(GetParam(), GetParam().seed * 1000 + p, true, &spurious);
}

INSTANTIATE_TEST_SUITE_P(Table, DepsModel, ::testing::ValuesIn(model_cases), CaseName());

// Tasks with 1-3 dependences. The engine is deliberately conservative here
// (a task's overlapping accesses of different types are all made writes),
// so only safety and progress are checked.
const ModelCase multi_cases[] = {
    {"uniform", 300, {1, 1, 1, 1, 1}, 0, kPalette, 21, 3},
    {"mostly readers", 300, {6, 1, 1, 0, 0}, 0, kPalette, 22, 3},
    {"sets and mutexes", 300, {1, 1, 0, 3, 3}, 0, kPalette, 23, 3},
    {"mutexes few regions", 300, {1, 0, 0, 1, 6}, 0, 5, 24, 3},
    {"2-D and 3-D only", 300, {2, 1, 1, 1, 1}, 6, kPalette, 25, 2},
};

class DepsModelMulti : public ::testing::TestWithParam<ModelCase> {};

TEST_P(DepsModelMulti, SafeAndLive)
{
    unsigned spurious = 0;
    for (int p = 0; p < kProgramsPerCase && !HasFatalFailure(); p++)
        run_model(GetParam(), GetParam().seed * 1000 + p, false, &spurious);
    RecordProperty("spurious_waits", (int)spurious);
}

INSTANTIATE_TEST_SUITE_P(Table, DepsModelMulti, ::testing::ValuesIn(multi_cases), CaseName());

}  // namespace
