// Unit tests of device/cuda_map.h, the GPU-free logic of the CUDA module:
// merging a task's dependence intervals into device buffers, translating
// host addresses into them, the contiguous pieces of a strided region and
// the launch geometry of an ndrange. The header is plain C that compiles as
// C++, so it is included directly (no shim). Addresses are never
// dereferenced: regions live at a fake base address B.
#include <gtest/gtest.h>

#include <array>
#include <bitset>
#include <climits>
#include <cstdint>
#include <random>
#include <vector>

#include "device/cuda_map.h"

namespace {

constexpr uintptr_t B = 0x100000;

using Spans = std::vector<ssi_cuda_span_t>;

ssi_cuda_span_t span(uintptr_t lo, uintptr_t hi)
{
    ssi_cuda_span_t s{};
    s.lo = lo;
    s.hi = hi;
    return s;
}

Spans merged(Spans v)
{
    v.resize(ssi_cuda_merge(v.data(), v.size()));
    return v;
}

void expect_spans(const Spans &got, std::initializer_list<std::pair<uintptr_t, uintptr_t>> want)
{
    ASSERT_EQ(got.size(), want.size());
    size_t i = 0;
    for (auto [lo, hi] : want) {
        EXPECT_EQ(got[i].lo, lo) << "span " << i;
        EXPECT_EQ(got[i].hi, hi) << "span " << i;
        i++;
    }
}

TEST(Merge, NothingGivesNothing)
{
    EXPECT_EQ(ssi_cuda_merge(nullptr, 0), 0u);
    expect_spans(merged({span(B, B)}), {});
}

TEST(Merge, DisjointAreSortedAndKept)
{
    expect_spans(merged({span(B + 100, B + 200), span(B, B + 10), span(B + 50, B + 60)}),
                 {{B, B + 10}, {B + 50, B + 60}, {B + 100, B + 200}});
}

TEST(Merge, OverlappingJoin)
{
    expect_spans(merged({span(B + 50, B + 150), span(B, B + 100)}), {{B, B + 150}});
}

TEST(Merge, AdjacentJoin)
{
    expect_spans(merged({span(B + 8, B + 16), span(B, B + 8)}), {{B, B + 16}});
    // One byte apart: two buffers.
    expect_spans(merged({span(B + 9, B + 16), span(B, B + 8)}), {{B, B + 8}, {B + 9, B + 16}});
}

TEST(Merge, ContainedAndIdenticalJoin)
{
    expect_spans(merged({span(B, B + 100), span(B + 10, B + 20), span(B, B + 100)}),
                 {{B, B + 100}});
}

TEST(Merge, ChainsJoinThroughTheMiddle)
{
    // a and c do not meet, b joins them; given in the worst order.
    expect_spans(merged({span(B + 80, B + 120), span(B, B + 50), span(B + 40, B + 90)}),
                 {{B, B + 120}});
}

TEST(Merge, EmptyIntervalsAreDropped)
{
    expect_spans(merged({span(B + 10, B + 10), span(B, B + 4), span(B + 30, B + 20)}),
                 {{B, B + 4}});
}

TEST(Merge, ClearsTheOtherFields)
{
    ssi_cuda_span_t s = span(B, B + 4);
    s.alloc = s.dev = 7;
    s.strided = s.reads = 1;
    Spans v = merged({s});
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].alloc, 0u);
    EXPECT_EQ(v[0].dev, 0u);
    EXPECT_EQ(v[0].strided, 0);
    EXPECT_EQ(v[0].reads, 0);
}

// Random interval sets against a bitmap: the merged spans cover exactly the
// union, are sorted, and neither overlap nor touch.
TEST(Merge, RandomAgainstBitmap)
{
    constexpr size_t N = 512;
    std::mt19937 rng(12345);
    for (int round = 0; round < 2000; round++) {
        std::bitset<N> want;
        Spans v;
        size_t n = rng() % 12;
        for (size_t i = 0; i < n; i++) {
            size_t lo = rng() % N, len = rng() % 40;
            size_t hi = std::min(N, lo + len);
            for (size_t b = lo; b < hi; b++)
                want.set(b);
            v.push_back(span(B + lo, B + hi));
        }
        Spans m = merged(v);
        std::bitset<N> got;
        for (size_t i = 0; i < m.size(); i++) {
            ASSERT_LT(m[i].lo, m[i].hi);
            if (i > 0) {
                ASSERT_GT(m[i].lo, m[i - 1].hi) << "spans overlap or touch";
            }
            for (uintptr_t b = m[i].lo; b < m[i].hi; b++)
                got.set(b - B);
        }
        ASSERT_EQ(got, want) << "round " << round;
    }
}

// Spans as ssi_cuda_run sets them up: merged, then given device buffers at
// 256-byte aligned allocations with the host's offset modulo 256 in front.
Spans with_buffers(Spans v)
{
    v = merged(v);
    unsigned long long next = 0x7f0000000000ull;
    for (ssi_cuda_span_t &s : v) {
        s.alloc = next;
        s.dev = s.alloc + ssi_cuda_pad(s.lo);
        next += 1u << 20;
    }
    return v;
}

TEST(Translate, InsideBuffersOnly)
{
    Spans v = with_buffers({span(B + 1000, B + 1100), span(B + 3, B + 40)});
    ASSERT_EQ(v.size(), 2u);
    auto tr = [&](uintptr_t p) { return ssi_cuda_translate(v.data(), v.size(), p); };
    EXPECT_EQ(tr(B + 3), v[0].dev);
    EXPECT_EQ(tr(B + 39), v[0].dev + 36);
    EXPECT_EQ(tr(B + 1000), v[1].dev);
    EXPECT_EQ(tr(B + 1099), v[1].dev + 99);
    // Before, between, just past each (hi is exclusive), after.
    EXPECT_EQ(tr(B + 2), 0u);
    EXPECT_EQ(tr(B + 40), 0u);
    EXPECT_EQ(tr(B + 500), 0u);
    EXPECT_EQ(tr(B + 1100), 0u);
    EXPECT_EQ(tr(0), 0u);
    EXPECT_EQ(tr(UINTPTR_MAX), 0u);
    EXPECT_EQ(ssi_cuda_translate(nullptr, 0, B), 0u);
}

TEST(Translate, KeepsAlignmentModulo256)
{
    Spans v = with_buffers({span(B + 0x1234, B + 0x5000), span(B + 0x9000 + 8, B + 0xa000)});
    for (const ssi_cuda_span_t &s : v) {
        EXPECT_EQ(s.alloc % SSI_CUDA_ALIGN, 0u);
        for (uintptr_t p = s.lo; p < s.hi; p += 7) {
            unsigned long long d = ssi_cuda_translate(v.data(), v.size(), p);
            EXPECT_EQ(d % SSI_CUDA_ALIGN, p % SSI_CUDA_ALIGN);
            // Inside the allocation of pad + (hi - lo) bytes.
            EXPECT_GE(d, s.alloc);
            EXPECT_LT(d, s.alloc + ssi_cuda_pad(s.lo) + (s.hi - s.lo));
        }
    }
    EXPECT_EQ(ssi_cuda_pad(0x100), 0u);
    EXPECT_EQ(ssi_cuda_pad(0x1ff), 255u);
}

TEST(Translate, ManyBuffersBinarySearch)
{
    Spans v;
    for (uintptr_t i = 0; i < 100; i++)
        v.push_back(span(B + 100 * (99 - i), B + 100 * (99 - i) + 50));
    v = with_buffers(v);
    ASSERT_EQ(v.size(), 100u);
    for (uintptr_t off = 0; off < 100 * 100; off++) {
        unsigned long long d = ssi_cuda_translate(v.data(), v.size(), B + off);
        if (off % 100 < 50)
            EXPECT_EQ(d, v[off / 100].dev + off % 100) << off;
        else
            EXPECT_EQ(d, 0u) << off;
    }
}

// ---- pieces of a strided region ------------------------------------------

struct Piece {
    uintptr_t lo;
    size_t len;
    bool operator==(const Piece &o) const { return lo == o.lo && len == o.len; }
};

std::vector<Piece> pieces(uintptr_t base, std::vector<ss_dim_t> d)
{
    ssi_cuda_pieces_t it;
    ssi_cuda_pieces_init(&it, base, (unsigned)d.size(), d.data());
    std::vector<Piece> out;
    Piece p;
    while (ssi_cuda_pieces_next(&it, &p.lo, &p.len))
        out.push_back(p);
    return out;
}

TEST(Pieces, OneDimensionIsOnePiece)
{
    std::vector<Piece> want{{B + 8, 24}};
    EXPECT_EQ(pieces(B, {{64, 8, 32}}), want);
}

TEST(Pieces, MatrixBlockIsItsRows)
{
    // double m[10][10]: rows 2-4, columns 1-3 (80-byte rows).
    std::vector<Piece> want{{B + 2 * 80 + 8, 24}, {B + 3 * 80 + 8, 24}, {B + 4 * 80 + 8, 24}};
    EXPECT_EQ(pieces(B, {{80, 8, 32}, {10, 2, 5}}), want);
}

TEST(Pieces, CubeInAddressOrder)
{
    // int c[4][4][4]: z 1-2, y 0-1, x 2-3 (16-byte rows, 64-byte planes).
    std::vector<Piece> want{{B + 64 + 8, 8}, {B + 64 + 16 + 8, 8},
                            {B + 128 + 8, 8}, {B + 128 + 16 + 8, 8}};
    EXPECT_EQ(pieces(B, {{16, 8, 16}, {4, 0, 2}, {4, 1, 3}}), want);
}

TEST(Pieces, BadDimensionCountGivesNone)
{
    ss_dim_t d{8, 0, 8};
    ssi_cuda_pieces_t it;
    uintptr_t lo;
    size_t len;
    ssi_cuda_pieces_init(&it, B, 0, &d);
    EXPECT_EQ(ssi_cuda_pieces_next(&it, &lo, &len), 0);
}

// Random shapes against brute force over every index tuple: the pieces are
// exactly the region's bytes, disjoint and in increasing address order.
TEST(Pieces, RandomAgainstBruteForce)
{
    constexpr size_t N = 4096;
    std::mt19937 rng(777);
    for (int round = 0; round < 3000; round++) {
        unsigned n = 1 + rng() % 4;
        std::vector<ss_dim_t> d(n);
        size_t total = 1;
        for (unsigned k = 0; k < n; k++) {
            size_t size = 1 + rng() % 6;
            size_t a = rng() % size, b = a + 1 + rng() % (size - a);
            d[k] = {size, a, b};
            total *= size;
        }
        if (total > N)
            continue;
        std::bitset<N> want;
        std::vector<size_t> idx(n), stride(n);
        for (unsigned k = 0, s = 1; k < n; k++) {
            stride[k] = s;
            s *= (unsigned)d[k].size;
            idx[k] = d[k].start;
        }
        for (;;) {
            size_t off = 0;
            for (unsigned k = 0; k < n; k++)
                off += idx[k] * stride[k];
            want.set(off);
            unsigned k = 0;
            while (k < n && ++idx[k] == d[k].end) {
                idx[k] = d[k].start;
                k++;
            }
            if (k == n)
                break;
        }
        std::bitset<N> got;
        uintptr_t last_end = 0;
        for (const Piece &p : pieces(B, d)) {
            ASSERT_GE(p.lo, last_end == 0 ? B : last_end) << "round " << round;
            ASSERT_GT(p.len, 0u);
            for (size_t b = 0; b < p.len; b++)
                got.set(p.lo - B + b);
            last_end = p.lo + p.len;
        }
        ASSERT_EQ(got, want) << "round " << round;
    }
}

// ---- launch geometry -------------------------------------------------------

struct Geo {
    int rc;
    unsigned grid[3], block[3];
};

Geo grid(unsigned ndims, std::vector<size_t> global, std::vector<size_t> local)
{
    Geo g{};
    global.resize(3, 1);
    local.resize(3, 1);
    g.rc = ssi_cuda_grid(ndims, global.data(), local.data(), g.grid, g.block);
    return g;
}

void expect_geo(const Geo &g, std::array<unsigned, 3> grid, std::array<unsigned, 3> block)
{
    EXPECT_EQ(g.rc, SSI_CUDA_GRID_OK);
    for (int k = 0; k < 3; k++) {
        EXPECT_EQ(g.grid[k], grid[k]) << "grid dimension " << k;
        EXPECT_EQ(g.block[k], block[k]) << "block dimension " << k;
    }
}

TEST(Grid, OneDimensionRoundsUp)
{
    expect_geo(grid(1, {1000}, {128}), {8, 1, 1}, {128, 1, 1});
    EXPECT_EQ(grid(1, {1024}, {128}).grid[0], 8u);
    EXPECT_EQ(grid(1, {1025}, {128}).grid[0], 9u);
    EXPECT_EQ(grid(1, {1}, {256}).grid[0], 1u);
}

TEST(Grid, MissingDimensionsAreOne)
{
    // Values past ndims are ignored, whatever they are.
    expect_geo(grid(2, {100, 30, 999}, {16, 8, 0}), {7, 4, 1}, {16, 8, 1});
}

TEST(Grid, ThreeDimensions)
{
    expect_geo(grid(3, {64, 65, 3}, {8, 8, 2}), {8, 9, 2}, {8, 8, 2});
}

TEST(Grid, EmptyRangeLaunchesNothing)
{
    EXPECT_EQ(grid(1, {0}, {128}).rc, SSI_CUDA_GRID_EMPTY);
    EXPECT_EQ(grid(3, {10, 10, 0}, {1, 1, 1}).rc, SSI_CUDA_GRID_EMPTY);
}

TEST(Grid, BadShapes)
{
    EXPECT_EQ(grid(0, {1}, {1}).rc, SSI_CUDA_GRID_BAD);
    EXPECT_EQ(grid(4, {1, 1, 1}, {1, 1, 1}).rc, SSI_CUDA_GRID_BAD);
    EXPECT_EQ(grid(1, {100}, {0}).rc, SSI_CUDA_GRID_BAD);
    EXPECT_EQ(grid(2, {100, 5}, {10, 0}).rc, SSI_CUDA_GRID_BAD);
    // 0 work-items with a local size of 0 is still a bad shape.
    EXPECT_EQ(grid(1, {0}, {0}).rc, SSI_CUDA_GRID_BAD);
    if constexpr (sizeof(size_t) > sizeof(unsigned)) {
        size_t huge = (size_t)UINT_MAX + 1;
        EXPECT_EQ(grid(1, {huge * 2}, {2}).rc, SSI_CUDA_GRID_BAD); // 2^32 blocks
        EXPECT_EQ(grid(1, {huge}, {huge}).rc, SSI_CUDA_GRID_BAD);  // block too big
        Geo g = grid(1, {(size_t)UINT_MAX * 2}, {2});             // the most blocks
        EXPECT_EQ(g.rc, SSI_CUDA_GRID_OK);
        EXPECT_EQ(g.grid[0], UINT_MAX);
    }
}

} // namespace
