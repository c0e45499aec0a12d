// space_test.cpp - the spatial index of a domain (deps/space.h): a query
// proposes every live region that overlaps, each once, and few others.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include "space_shim.h"

namespace {

constexpr uintptr_t BASE = 0x10000000;

struct Reg {
    uintptr_t base;
    std::vector<ss_dim_t> d; // innermost first, bytes
};

// Rows [r0, r0+nr) and bytes [c0, c0+nc) of a row-major array with
// `pitch` bytes per row; the outer size is the section's end, as ssc
// passes it for a pointer to VLA rows.
Reg block(uintptr_t base, size_t pitch, size_t r0, size_t nr, size_t c0, size_t nc)
{
    return {base, {{pitch, c0, c0 + nc}, {r0 + nr, r0, r0 + nr}}};
}

Reg bytes(uintptr_t lo, size_t n)
{
    return {lo, {{n, 0, n}}};
}

std::vector<unsigned> query(const Reg &r)
{
    std::vector<unsigned> out(4096);
    long n = shim_space_query(r.base, (unsigned)r.d.size(), r.d.data(), out.data(),
                              (unsigned)out.size());
    EXPECT_GE(n, 0);
    EXPECT_LE(n, (long)out.size());
    out.resize((size_t)std::max(n, 0L));
    return out;
}

// Checks one query against the exact overlaps of the live items; returns
// the number of proposals.
size_t check_query(const Reg &q, const std::vector<bool> &live)
{
    std::vector<unsigned> got = query(q);
    std::set<unsigned> seen;
    for (unsigned i : got) {
        EXPECT_TRUE(seen.insert(i).second) << "item " << i << " proposed twice";
        EXPECT_TRUE(live[i]) << "item " << i << " is not in the space";
    }
    for (unsigned i = 0; i < live.size(); i++)
        if (live[i] && shim_space_overlap(i, q.base, (unsigned)q.d.size(), q.d.data()) == 1) {
            EXPECT_TRUE(seen.count(i)) << "overlapping item " << i << " not proposed";
        }
    return got.size();
}

// The same through item i's own node (the query the engine makes); i may
// be proposed too.
size_t check_node_query(unsigned i, const std::vector<Reg> &regs,
                        const std::vector<bool> &live)
{
    std::vector<unsigned> got(4096);
    long n = shim_space_query_node(i, got.data(), (unsigned)got.size());
    EXPECT_GE(n, 0);
    EXPECT_LE(n, (long)got.size());
    got.resize((size_t)std::max(n, 0L));
    std::set<unsigned> seen;
    for (unsigned j : got) {
        EXPECT_TRUE(seen.insert(j).second) << "item " << j << " proposed twice";
        EXPECT_TRUE(live[j]) << "item " << j << " is not in the space";
    }
    const Reg &q = regs[i];
    for (unsigned j = 0; j < live.size(); j++)
        if (j != i && live[j] &&
            shim_space_overlap(j, q.base, (unsigned)q.d.size(), q.d.data()) == 1) {
            EXPECT_TRUE(seen.count(j)) << "overlapping item " << j << " not proposed for " << i;
        }
    return got.size();
}

void insert(unsigned i, const Reg &r)
{
    ASSERT_EQ(shim_space_insert(i, r.base, (unsigned)r.d.size(), r.d.data()), 0);
}

// The heat benchmark's pattern: blocks of 32 x 32 doubles of a
// (n + 2) x (n + 2) grid, each with the four facing edges its neighbours
// read (rows above and below, columns left and right).
struct Heat {
    static constexpr size_t n = 256, bs = 32, pitch = (n + 2) * 8;
    std::vector<Reg> regs;
    Heat()
    {
        for (size_t ii = 1; ii <= n; ii += bs)
            for (size_t jj = 1; jj <= n; jj += bs) {
                regs.push_back(bytes(BASE + (ii - 1) * pitch + jj * 8, bs * 8));
                regs.push_back(bytes(BASE + (ii + bs) * pitch + jj * 8, bs * 8));
                regs.push_back(block(BASE, pitch, ii, bs, (jj - 1) * 8, 8));
                regs.push_back(block(BASE, pitch, ii, bs, (jj + bs) * 8, 8));
                regs.push_back(block(BASE, pitch, ii, bs, jj * 8, bs * 8));
            }
    }
};

TEST(Space, HeatBlocksAreFewCandidates)
{
    Heat h;
    ASSERT_EQ(shim_space_reset((unsigned)h.regs.size()), 0);
    for (unsigned i = 0; i < h.regs.size(); i++)
        insert(i, h.regs[i]);
    // Only the first two edges come before any 2-D region (no grid yet).
    EXPECT_LE(shim_space_in_treap(), 2u);
    std::vector<bool> live(h.regs.size(), true);
    size_t most = 0;
    for (const Reg &q : h.regs)
        most = std::max(most, check_query(q, live));
    for (unsigned i = 0; i < h.regs.size(); i++)
        most = std::max(most, check_node_query(i, h.regs, live));
    // A bounding-interval index proposes every region of a band of rows
    // (8 blocks x 5 regions here); the grid, a cell's few.
    EXPECT_LE(most, 12u);
}

TEST(Space, RemovedItemsAreNotProposed)
{
    Heat h;
    ASSERT_EQ(shim_space_reset((unsigned)h.regs.size()), 0);
    std::vector<bool> live(h.regs.size(), false);
    for (unsigned i = 0; i < h.regs.size(); i++) {
        insert(i, h.regs[i]);
        live[i] = true;
    }
    for (unsigned i = 0; i < h.regs.size(); i += 3) {
        shim_space_remove(i);
        live[i] = false;
    }
    for (const Reg &q : h.regs)
        check_query(q, live);
    EXPECT_EQ(shim_space_in_treap() + shim_space_in_grid(),
              (unsigned)std::count(live.begin(), live.end(), true));
}

TEST(Space, CellsGrowForLargerBlocks)
{
    // A thin column first sets 1-byte-wide cells; the blocks that follow
    // regrid the family, and everything stays findable.
    constexpr size_t pitch = 4096;
    std::vector<Reg> regs = {block(BASE, pitch, 0, 8, 100, 1)};
    for (size_t r = 0; r < 64; r += 16)
        for (size_t c = 0; c < pitch; c += 512)
            regs.push_back(block(BASE, pitch, r, 16, c, 512));
    regs.push_back(block(BASE, pitch, 0, 64, 0, pitch)); // whole: many cells
    ASSERT_EQ(shim_space_reset((unsigned)regs.size()), 0);
    std::vector<bool> live(regs.size(), true);
    for (unsigned i = 0; i < regs.size(); i++)
        insert(i, regs[i]);
    EXPECT_EQ(shim_space_in_treap(), 1u); // the whole array
    for (unsigned i = 0; i < regs.size(); i++) {
        check_query(regs[i], live);
        check_node_query(i, regs, live);
    }
    check_query(bytes(BASE + 5 * pitch + 10, 3 * pitch), live);
    check_query(bytes(BASE - 64, 128), live);
}

TEST(Space, StampWrapsWithoutMissingAnything)
{
    Heat h;
    ASSERT_EQ(shim_space_reset((unsigned)h.regs.size()), 0);
    std::vector<bool> live(h.regs.size(), true);
    for (unsigned i = 0; i < h.regs.size(); i++)
        insert(i, h.regs[i]);
    shim_space_set_stamp(UINT32_MAX - 2);
    for (int k = 0; k < 6; k++)
        check_query(h.regs[(size_t)k * 7 + 4], live);
}

// ---- random against the exact test --------------------------------------

struct Rng {
    std::mt19937_64 g;
    explicit Rng(uint64_t seed) : g(seed) {}
    size_t below(size_t n) { return (size_t)(g() % n); }
};

// Regions of a 64 KiB window: 2-D sections of three arrays (two pitches
// on one base), single-row and multi-row byte ranges, 3-D sections.
Reg random_reg(Rng &rng)
{
    static const uintptr_t bases[3] = {BASE, BASE, BASE + 20000};
    static const size_t pitches[3] = {256, 200, 320};
    switch (rng.below(6)) {
    case 0:
    case 1:
    case 2: {
        unsigned a = (unsigned)rng.below(3);
        size_t p = pitches[a], c0 = rng.below(p), nc = 1 + rng.below(std::min<size_t>(p - c0, 96));
        size_t r0 = rng.below(100), nr = 1 + rng.below(24);
        return block(bases[a], p, r0, nr, c0, nc);
    }
    case 3: {
        unsigned a = (unsigned)rng.below(3);
        size_t p = pitches[a], c0 = rng.below(p);
        return bytes(bases[a] + rng.below(100) * p + c0, 1 + rng.below(p - c0));
    }
    case 4:
        return bytes(BASE + rng.below(60000), 1 + rng.below(3000));
    default: {
        size_t s0 = 16, s1 = 8, s2 = 40;
        size_t a0 = rng.below(s0), a1 = rng.below(s1), a2 = rng.below(s2);
        return {BASE + rng.below(40000),
                {{s0, a0, a0 + 1 + rng.below(s0 - a0)},
                 {s1, a1, a1 + 1 + rng.below(s1 - a1)},
                 {s2, a2, a2 + 1 + rng.below(s2 - a2)}}};
    }
    }
}

TEST(Space, RandomQueriesMatchExactOverlap)
{
    constexpr unsigned N = 600;
    Rng rng(42);
    ASSERT_EQ(shim_space_reset(N), 0);
    std::vector<bool> live(N, false);
    std::vector<Reg> regs(N);
    for (int step = 0; step < 6000; step++) {
        unsigned i = (unsigned)rng.below(N);
        if (live[i]) {
            shim_space_remove(i);
            live[i] = false;
        } else {
            regs[i] = random_reg(rng);
            insert(i, regs[i]);
            live[i] = true;
        }
        if (step % 10 == 0)
            check_query(random_reg(rng), live);
        if (step % 10 == 5)
            for (unsigned j = 0; j < N; j += 7)
                if (live[j])
                    check_node_query(j, regs, live);
        if (HasFailure())
            FAIL() << "at step " << step;
    }
    EXPECT_GT(shim_space_in_grid(), 0u);
    EXPECT_GT(shim_space_in_treap(), 0u);
}

} // namespace
