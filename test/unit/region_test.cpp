// Unit tests of deps/region.h: normalisation (ssi_region_make), equality and
// exact overlap, through region_shim.c. Addresses are never dereferenced, so
// regions live at a fake base address B.
#include <gtest/gtest.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <random>
#include <string>
#include <ostream>

#include "region_shim.h"

namespace {

constexpr uintptr_t B = 0x100000;

// A region as given to ssi_region_make. Fixed-size so that the case tables
// are plain aggregates (one spare slot for the ndims > SS_MAX_DIMS case).
struct Reg {
    uintptr_t base;
    unsigned n;
    ss_dim_t d[SS_MAX_DIMS + 1];
    const ss_dim_t *begin() const { return d; }
    const ss_dim_t *end() const { return d + n; }
    ss_dim_t *begin() { return d; }
    ss_dim_t *end() { return d + n; }
    size_t size() const { return n; }
};

Reg reg(uintptr_t base, std::initializer_list<ss_dim_t> dims)
{
    Reg r{base, 0, {}};
    for (const ss_dim_t &x : dims)
        r.d[r.n++] = x;
    return r;
}

Reg repeat(unsigned n, ss_dim_t x)
{
    Reg r{B, n, {}};
    for (unsigned k = 0; k < n; k++)
        r.d[k] = x;
    return r;
}

std::string show(const Reg &r)
{
    std::string s = "base=B+" + std::to_string(r.base - B) + " dims={";
    for (const ss_dim_t &x : r)
        s += "(" + std::to_string(x.size) + "," + std::to_string(x.start) + "," +
             std::to_string(x.end) + ")";
    return s + "}";
}

// Contiguous bytes [B+off, B+off+len).
Reg bytes(size_t off, size_t len) { return reg(B + off, {{len, 0, len}}); }

// double m[10][10] at B: rows [r0,r1), columns [c0,c1). Row = 80 bytes.
Reg mat(size_t r0, size_t r1, size_t c0, size_t c1)
{
    return reg(B, {{80, c0 * 8, c1 * 8}, {10, r0, r1}});
}

// The same 800 bytes seen as double v[20][5]. Row = 40 bytes.
Reg view(size_t r0, size_t r1, size_t c0, size_t c1)
{
    return reg(B, {{40, c0 * 8, c1 * 8}, {20, r0, r1}});
}

// int c[4][4][4] at B: c[z][y][x], x innermost (16-byte rows).
Reg cube(size_t z0, size_t z1, size_t y0, size_t y1, size_t x0, size_t x1)
{
    return reg(B, {{16, x0 * 4, x1 * 4}, {4, y0, y1}, {4, z0, z1}});
}

// Byte offsets (from B) of a region, by brute force; N bytes tracked.
template <size_t N>
std::bitset<N> bytes_of(const Reg &r)
{
    std::bitset<N> bits;
    size_t stride[SS_MAX_DIMS + 1];
    size_t s = 1;
    for (size_t k = 0; k < r.n; k++) {
        stride[k] = s;
        s *= r.d[k].size;
    }
    // Odometer over all dims.
    size_t idx[SS_MAX_DIMS + 1];
    for (size_t k = 0; k < r.n; k++) {
        if (r.d[k].start >= r.d[k].end)
            return bits;
        idx[k] = r.d[k].start;
    }
    for (;;) {
        size_t off = r.base - B;
        for (size_t k = 0; k < r.n; k++)
            off += idx[k] * stride[k];
        if (off < N)
            bits.set(off);
        else
            ADD_FAILURE() << "region byte outside the tracked buffer: " << show(r);
        size_t k = 0;
        while (k < r.n && ++idx[k] == r.d[k].end) {
            idx[k] = r.d[k].start;
            k++;
        }
        if (k == r.n)
            return bits;
    }
}

int overlap(const Reg &a, const Reg &b)
{
    return shim_region_overlap(a.base, a.n, a.d, b.base,
                               b.n, b.d);
}

int equal(const Reg &a, const Reg &b)
{
    return shim_region_equal(a.base, a.n, a.d, b.base,
                             b.n, b.d);
}

int make(const Reg &r, shim_region_t *out)
{
    return shim_region_make(r.base, r.n, r.d, out);
}

// ---- ssi_region_make: normalisation -------------------------------------

struct MakeCase {
    const char *name;
    Reg in;
    int rc;                       // 0 OK, 1 EMPTY, -1 BAD
    size_t lo, hi;                // offsets from B, when OK
    bool contiguous;
    unsigned nnorm;                // expected folded dims, when not contiguous
    ss_dim_t norm[SS_MAX_DIMS];
};

const MakeCase make_cases[] = {
    {"bytes", bytes(10, 10), 0, 10, 20, true, 0, {}},
    {"one byte", bytes(7, 1), 0, 7, 8, true, 0, {}},
    {"1-D section", reg(B, {{100, 10, 20}}), 0, 10, 20, true, 0, {}},
    // int a[10][20]: the OmpSs-2 example, whole array.
    {"a[10][20] whole", reg(B, {{80, 0, 80}, {10, 0, 10}}), 0, 0, 800, true, 0, {}},
    // a[3;1][0;20]: one full row.
    {"a[3;1][0;20] row", reg(B, {{80, 0, 80}, {10, 3, 4}}), 0, 240, 320, true, 0, {}},
    // a[3;2][0;20]: two full rows.
    {"a[3;2][0;20] rows", reg(B, {{80, 0, 80}, {10, 3, 5}}), 0, 240, 400, true, 0, {}},
    // a[3;1][5;10]: part of one row.
    {"a[3;1][5;10] part row", reg(B, {{80, 20, 60}, {10, 3, 4}}), 0, 260, 300, true, 0, {}},
    // a[0;10][5;1]: a column.
    {"a[0;10][5;1] column", reg(B, {{80, 20, 24}, {10, 0, 10}}), 0, 20, 744, false,
     2, {{80, 20, 24}, {10, 0, 10}}},
    // a[2;3][5;10]: a block.
    {"a[2;3][5;10] block", reg(B, {{80, 20, 60}, {10, 2, 5}}), 0, 180, 380, false,
     2, {{80, 20, 60}, {10, 2, 5}}},
    // int c[4][5][6] whole and slabs.
    {"c[4][5][6] whole", reg(B, {{24, 0, 24}, {5, 0, 5}, {4, 0, 4}}), 0, 0, 480, true, 0, {}},
    {"c[1;2][0;5][0;6] slab", reg(B, {{24, 0, 24}, {5, 0, 5}, {4, 1, 3}}), 0, 120, 360,
     true, 0, {}},
    // c[1;2][1;2][0;6]: inner full dim folded: (120,24,72),(4,1,3).
    {"c[1;2][1;2][0;6] fold", reg(B, {{24, 0, 24}, {5, 1, 3}, {4, 1, 3}}), 0, 144, 312,
     false, 2, {{120, 24, 72}, {4, 1, 3}}},
    // c[1;1][1;2][0;6]: folds to contiguous [144,192).
    {"c[1;1][1;2][0;6] fold contiguous", reg(B, {{24, 0, 24}, {5, 1, 3}, {4, 1, 2}}), 0,
     144, 192, true, 0, {}},
    // c[0;4][2;1][1;2]: no fold (inner partial), 3 dims.
    {"c[0;4][2;1][1;2] 3-D", reg(B, {{24, 4, 12}, {5, 2, 3}, {4, 0, 4}}), 0, 52, 420,
     false, 3, {{24, 4, 12}, {5, 2, 3}, {4, 0, 4}}},
    {"size-1 outer dims", reg(B, {{16, 4, 8}, {1, 0, 1}, {1, 0, 1}}), 0, 4, 8, true, 0, {}},
    {"8 dims all full", repeat(8, ss_dim_t{2, 0, 2}), 0, 0, 256,
     true, 0, {}},
    {"base offset", reg(B + 3, {{80, 0, 80}, {10, 3, 4}}), 0, 243, 323, true, 0, {}},
    // Empty: some start == end.
    {"empty 1-D", reg(B, {{100, 5, 5}}), 1, 0, 0, false, 0, {}},
    {"empty size 0", reg(B, {{0, 0, 0}}), 1, 0, 0, false, 0, {}},
    {"empty outer", reg(B, {{80, 0, 80}, {10, 3, 3}}), 1, 0, 0, false, 0, {}},
    {"empty inner", reg(B, {{80, 8, 8}, {10, 0, 10}}), 1, 0, 0, false, 0, {}},
    // Bad.
    {"ndims 0", reg(B, {}), -1, 0, 0, false, 0, {}},
    {"ndims 9", repeat(9, ss_dim_t{2, 0, 2}), -1, 0, 0, false, 0, {}},
    {"start > end", reg(B, {{100, 6, 5}}), -1, 0, 0, false, 0, {}},
    {"end > size", reg(B, {{100, 0, 101}}), -1, 0, 0, false, 0, {}},
    {"a[0;11][0;20] outside", reg(B, {{80, 0, 80}, {10, 0, 11}}), -1, 0, 0, false, 0, {}},
    {"bad outer 3rd dim", reg(B, {{24, 0, 24}, {5, 0, 5}, {4, 3, 2}}), -1, 0, 0, false, 0, {}},
    {"bad wins over empty", reg(B, {{100, 5, 5}, {10, 0, 11}}), -1, 0, 0, false, 0, {}},
    {"address overflow 1-D", reg(UINTPTR_MAX - 10, {{100, 0, 100}}), -1, 0, 0, false, 0, {}},
    {"fold overflow", reg(B, {{size_t{1} << 33, 0, size_t{1} << 33}, {size_t{1} << 32, 0, 1}}),
     -1, 0, 0, false, 0, {}},
    // Last byte offset 7 + 2^60 * 16 = 2^64 + 7: the extent wraps modulo
    // 2^64, so this must be rejected as an address overflow too.
    {"extent wraps 2^64", reg(B, {{16, 0, 8}, {(size_t{1} << 60) + 1, 0, (size_t{1} << 60) + 1}}),
     -1, 0, 0, false, 0, {}},
};

void PrintTo(const MakeCase &c, std::ostream *os) { *os << c.name; }

class RegionMake : public ::testing::TestWithParam<MakeCase> {};

TEST_P(RegionMake, Normalises)
{
    const MakeCase &c = GetParam();
    SCOPED_TRACE(show(c.in));
    shim_region_t r;
    int rc = make(c.in, &r);
    ASSERT_EQ(rc, c.rc == 0 ? shim_region_ok() : c.rc == 1 ? shim_region_empty()
                                                           : shim_region_bad())
        << "made [B+" << (r.lo - B) << ", B+" << (r.hi - B) << "), contiguous "
        << r.contiguous << ", ndims " << r.ndims;
    if (rc != shim_region_ok())
        return;
    EXPECT_EQ(r.lo, B + c.lo);
    EXPECT_EQ(r.hi, B + c.hi);
    EXPECT_EQ(bool(r.contiguous), c.contiguous);
    if (c.contiguous) {
        EXPECT_EQ(r.ndims, 1u);
        return;
    }
    EXPECT_EQ(r.base, c.in.base);
    ASSERT_EQ(r.ndims, c.nnorm);
    for (size_t k = 0; k < c.nnorm; k++) {
        EXPECT_EQ(r.dims[k].size, c.norm[k].size) << "dim " << k;
        EXPECT_EQ(r.dims[k].start, c.norm[k].start) << "dim " << k;
        EXPECT_EQ(r.dims[k].end, c.norm[k].end) << "dim " << k;
    }
}

std::string case_name(const char *s)
{
    std::string out;
    for (const char *p = s; *p; p++)
        out += isalnum((unsigned char)*p) ? *p : '_';
    return out;
}

INSTANTIATE_TEST_SUITE_P(Table, RegionMake, ::testing::ValuesIn(make_cases),
                         [](const ::testing::TestParamInfo<MakeCase> &i) {
                             return std::to_string(i.index) + "_" + case_name(i.param.name);
                         });

TEST(RegionMake, NullDimsIsBad)
{
    shim_region_t r;
    EXPECT_EQ(shim_region_make(B, 1, nullptr, &r), shim_region_bad());
}

// ---- ssi_region_equal -----------------------------------------------------

struct EqualCase {
    const char *name;
    Reg a, b;
    bool equal;
};

const EqualCase equal_cases[] = {
    {"same bytes", bytes(0, 100), bytes(0, 100), true},
    {"row as 2-D vs bytes", reg(B, {{80, 0, 80}, {10, 3, 4}}), bytes(240, 80), true},
    {"whole matrix vs bytes", mat(0, 10, 0, 10), bytes(0, 800), true},
    {"3-D slab vs bytes", reg(B, {{24, 0, 24}, {5, 0, 5}, {4, 1, 3}}), bytes(120, 240), true},
    {"same column", mat(0, 10, 5, 6), mat(0, 10, 5, 6), true},
    {"same block", mat(2, 5, 2, 7), mat(2, 5, 2, 7), true},
    {"fold-equivalent 3-D", reg(B, {{24, 0, 24}, {5, 1, 3}, {4, 1, 3}}),
     reg(B, {{120, 24, 72}, {4, 1, 3}}), true},
    {"different length", bytes(0, 100), bytes(0, 99), false},
    {"different start", bytes(0, 100), bytes(1, 100), false},
    {"column 5 vs 6", mat(0, 10, 5, 6), mat(0, 10, 6, 7), false},
    {"column vs its box", mat(0, 10, 5, 6), bytes(40, 728), false},
    {"block vs block rows", mat(2, 5, 2, 7), mat(2, 4, 2, 7), false},
};

void PrintTo(const EqualCase &c, std::ostream *os) { *os << c.name; }

class RegionEqual : public ::testing::TestWithParam<EqualCase> {};

TEST_P(RegionEqual, Table)
{
    const EqualCase &c = GetParam();
    SCOPED_TRACE(show(c.a) + " vs " + show(c.b));
    EXPECT_EQ(equal(c.a, c.b), c.equal ? 1 : 0);
    EXPECT_EQ(equal(c.b, c.a), c.equal ? 1 : 0);
    EXPECT_EQ(equal(c.a, c.a), 1);
    EXPECT_EQ(equal(c.b, c.b), 1);
    if (c.equal) {
        EXPECT_EQ(bytes_of<1024>(c.a), bytes_of<1024>(c.b));
    }
}

INSTANTIATE_TEST_SUITE_P(Table, RegionEqual, ::testing::ValuesIn(equal_cases),
                         [](const ::testing::TestParamInfo<EqualCase> &i) {
                             return std::to_string(i.index) + "_" + case_name(i.param.name);
                         });

// ---- ssi_region_overlap: hand-written table ------------------------------

struct OverlapCase {
    const char *name;
    Reg a, b;
    bool overlap;
};

const OverlapCase overlap_cases[] = {
    // 1-D
    {"identical", bytes(0, 100), bytes(0, 100), true},
    {"nested", bytes(0, 100), bytes(10, 10), true},
    {"nested at start", bytes(0, 100), bytes(0, 1), true},
    {"nested at end", bytes(0, 100), bytes(99, 1), true},
    {"partial", bytes(0, 100), bytes(50, 100), true},
    {"disjoint", bytes(0, 100), bytes(200, 100), false},
    {"adjacent after", bytes(0, 100), bytes(100, 100), false},
    {"adjacent before", bytes(100, 100), bytes(0, 100), false},
    {"one byte vs next byte", bytes(5, 1), bytes(6, 1), false},
    // 2-D blocks of double m[10][10]
    {"same block", mat(0, 5, 0, 5), mat(0, 5, 0, 5), true},
    {"block in block", mat(0, 5, 0, 5), mat(1, 3, 1, 3), true},
    {"blocks overlapping", mat(0, 5, 0, 5), mat(2, 7, 2, 7), true},
    {"blocks sharing a corner", mat(0, 5, 0, 5), mat(4, 9, 4, 9), true},
    {"blocks stacked", mat(0, 5, 0, 5), mat(5, 10, 0, 5), false},
    {"blocks side by side", mat(0, 5, 0, 5), mat(0, 5, 5, 10), false},
    {"blocks diagonal", mat(0, 5, 0, 5), mat(5, 10, 5, 10), false},
    {"blocks interleaved rows", mat(0, 10, 0, 2), mat(0, 10, 2, 4), false},
    {"block vs whole matrix", mat(3, 6, 3, 6), bytes(0, 800), true},
    // rows and columns
    {"row vs column", mat(3, 4, 0, 10), mat(0, 10, 5, 6), true},
    {"row vs column below it", mat(3, 4, 0, 10), mat(4, 10, 5, 6), false},
    {"row vs column above it", mat(3, 4, 0, 10), mat(0, 3, 5, 6), false},
    {"column 5 vs column 6", mat(0, 10, 5, 6), mat(0, 10, 6, 7), false},
    {"column top vs bottom half", mat(0, 5, 5, 6), mat(5, 10, 5, 6), false},
    {"column vs part row crossing", mat(0, 10, 5, 6), mat(7, 8, 4, 6), true},
    {"column vs part row missing", mat(0, 10, 5, 6), mat(7, 8, 6, 10), false},
    // different row sizes over the same 800 bytes
    {"m col 0 vs v col 0", mat(0, 10, 0, 1), view(0, 20, 0, 1), true},
    {"m col 0 vs v col 1", mat(0, 10, 0, 1), view(0, 20, 1, 2), false},
    {"m col 1 vs v col 1", mat(0, 10, 1, 2), view(0, 20, 1, 2), true},
    {"m col 5 vs v col 0", mat(0, 10, 5, 6), view(0, 20, 0, 1), true},
    {"m col 5 vs v col 0 even rows", mat(0, 10, 5, 6), view(0, 1, 0, 1), false},
    {"m cols 5-9 vs v cols 0-4 row 2", mat(0, 10, 5, 10), view(2, 3, 0, 5), false},
    {"m cols 5-9 vs v row 3", mat(0, 10, 5, 10), view(3, 4, 0, 5), true},
    {"m block vs v column", mat(2, 4, 1, 3), view(0, 20, 3, 4), false},
    {"m block vs v column 2", mat(2, 4, 1, 3), view(0, 20, 2, 3), true},
    // 3-D sections of int c[4][4][4]
    {"cube identical", cube(0, 2, 0, 2, 0, 2), cube(0, 2, 0, 2, 0, 2), true},
    {"cube corners apart", cube(0, 2, 0, 2, 0, 2), cube(2, 4, 2, 4, 2, 4), false},
    {"cube overlapping", cube(0, 2, 0, 2, 0, 2), cube(1, 3, 1, 3, 1, 3), true},
    {"cube x neighbours", cube(0, 2, 0, 2, 0, 2), cube(0, 2, 0, 2, 2, 4), false},
    {"cube y neighbours", cube(0, 2, 0, 2, 0, 2), cube(0, 2, 2, 4, 0, 2), false},
    {"cube z neighbours", cube(0, 2, 0, 2, 0, 2), cube(2, 4, 0, 2, 0, 2), false},
    {"plane z=1 vs cube", cube(1, 2, 0, 4, 0, 4), cube(1, 3, 1, 3, 1, 3), true},
    {"plane z=0 vs cube z>=1", cube(0, 1, 0, 4, 0, 4), cube(1, 3, 1, 3, 1, 3), false},
    {"x line vs y line crossing", cube(2, 3, 1, 2, 0, 4), cube(2, 3, 0, 4, 3, 4), true},
    {"x line vs y line other z", cube(2, 3, 1, 2, 0, 4), cube(1, 2, 0, 4, 3, 4), false},
    {"z line vs plane", cube(0, 4, 3, 4, 3, 4), cube(2, 3, 0, 4, 0, 4), true},
    {"z line vs column 2-D view", cube(0, 4, 3, 4, 3, 4), reg(B, {{64, 60, 64}, {4, 0, 4}}),
     true},
    {"cube vs 2-D view disjoint", cube(0, 4, 0, 1, 0, 4), reg(B, {{64, 16, 64}, {4, 0, 4}}),
     false},
    // contiguous vs non-contiguous
    {"bytes before column", bytes(0, 8), mat(0, 10, 5, 6), false},
    {"bytes on column cell", bytes(40, 8), mat(0, 10, 5, 6), true},
    {"bytes in column gap", bytes(48, 72), mat(0, 10, 5, 6), false},
    {"bytes touch next cell", bytes(48, 73), mat(0, 10, 5, 6), true},
    {"bytes after column", bytes(768, 100), mat(0, 10, 5, 6), false},
    {"bytes covering box", bytes(0, 800), mat(0, 10, 5, 6), true},
    // same bytes, different description (different base)
    {"shifted base same bytes", reg(B + 8, {{80, 0, 8}, {10, 0, 10}}), mat(0, 10, 1, 2),
     true},
    {"shifted base next column", reg(B + 8, {{80, 8, 16}, {10, 0, 10}}), mat(0, 10, 1, 2),
     false},
    {"base one row down", reg(B + 80, {{80, 40, 48}, {10, 0, 9}}), mat(0, 1, 0, 10), false},
    {"base one row down hits", reg(B + 80, {{80, 40, 48}, {10, 0, 9}}), mat(1, 2, 0, 10),
     true},
};

void PrintTo(const OverlapCase &c, std::ostream *os) { *os << c.name; }

class RegionOverlap : public ::testing::TestWithParam<OverlapCase> {};

TEST_P(RegionOverlap, Table)
{
    const OverlapCase &c = GetParam();
    SCOPED_TRACE(show(c.a) + " vs " + show(c.b));
    // The table itself agrees with the byte bitmaps.
    bool brute = (bytes_of<1024>(c.a) & bytes_of<1024>(c.b)).any();
    ASSERT_EQ(brute, c.overlap) << "table entry is wrong";
    EXPECT_EQ(overlap(c.a, c.b), c.overlap ? 1 : 0);
    EXPECT_EQ(overlap(c.b, c.a), c.overlap ? 1 : 0);
    EXPECT_EQ(overlap(c.a, c.a), 1);
    EXPECT_EQ(overlap(c.b, c.b), 1);
}

INSTANTIATE_TEST_SUITE_P(Table, RegionOverlap, ::testing::ValuesIn(overlap_cases),
                         [](const ::testing::TestParamInfo<OverlapCase> &i) {
                             return std::to_string(i.index) + "_" + case_name(i.param.name);
                         });

// ---- brute force against byte bitmaps ---------------------------------

constexpr size_t BUF = 512;

struct Rng {
    std::mt19937_64 g;
    explicit Rng(uint64_t seed) : g(seed) {}
    size_t below(size_t n) { return (size_t)(g() % n); }
};

// A random region of 1-3 dims inside [B, B+512). Inner sizes are kept small
// so the product fits; some dims are full so folding is exercised.
Reg random_region(Rng &rng)
{
    static const size_t max_size[3] = {16, 8, 4};
    unsigned n = 1 + (unsigned)rng.below(3);
    Reg r{0, 0, {}};
    size_t total = 1;
    for (unsigned k = 0; k < n; k++) {
        size_t size = 1 + rng.below(max_size[k]);
        size_t start, end;
        if (rng.below(4) == 0) {
            start = 0;
            end = size;
        } else {
            start = rng.below(size);
            end = start + 1 + rng.below(size - start);
        }
        r.d[r.n++] = {size, start, end};
        total *= size;
    }
    r.base = B + rng.below(BUF - total + 1);
    return r;
}

// Same shape (base and sizes) as `a`, other starts and ends: the fast path.
Reg same_shape(Rng &rng, const Reg &a)
{
    Reg r = a;
    for (ss_dim_t &d : r) {
        d.start = rng.below(d.size);
        d.end = d.start + 1 + rng.below(d.size - d.start);
    }
    return r;
}

Reg random_bytes(Rng &rng)
{
    size_t off = rng.below(BUF);
    size_t len = 1 + rng.below(std::min<size_t>(BUF - off, 64));
    return bytes(off, len);
}

void check_normal_form(const Reg &r, const std::bitset<BUF> &bits)
{
    shim_region_t n;
    ASSERT_EQ(make(r, &n), shim_region_ok());
    size_t first = BUF, last = 0;
    for (size_t i = 0; i < BUF; i++)
        if (bits[i]) {
            first = std::min(first, i);
            last = i;
        }
    ASSERT_LT(first, BUF);
    EXPECT_EQ(n.lo, B + first);
    EXPECT_EQ(n.hi, B + last + 1);
    bool contiguous = bits.count() == last + 1 - first;
    EXPECT_EQ(bool(n.contiguous), contiguous);
}

TEST(RegionBruteForce, OverlapMatchesBitmap)
{
    Rng rng(20240607);
    const int pairs = 20000;
    int overlapping = 0, fast_path = 0, failures = 0;
    for (int i = 0; i < pairs && failures < 20; i++) {
        Reg a = random_region(rng), b;
        switch (rng.below(6)) {
        case 0:
        case 1: b = same_shape(rng, a); fast_path++; break;
        case 2: b = random_bytes(rng); break;
        case 3:
            // Same strides, another outer size (ssc passes a section's end
            // there): still the fast path, the outer size places no byte.
            b = same_shape(rng, a);
            b.d[b.n - 1].size = b.d[b.n - 1].end + rng.below(a.d[a.n - 1].size - b.d[b.n - 1].end + 1);
            fast_path++;
            break;
        default: b = random_region(rng); break;
        }
        std::bitset<BUF> ba = bytes_of<BUF>(a), bb = bytes_of<BUF>(b);
        bool want = (ba & bb).any();
        overlapping += want;
        int got_ab = overlap(a, b), got_ba = overlap(b, a);
        if (got_ab != want || got_ba != want) {
            ADD_FAILURE() << "pair " << i << ": " << show(a) << " vs " << show(b)
                          << ": want " << want << ", got " << got_ab << "/" << got_ba;
            failures++;
        }
        int eq = equal(a, b);
        if (eq == 1) {
            EXPECT_EQ(ba, bb) << "equal but different bytes: " << show(a) << " vs "
                              << show(b);
        }
        check_normal_form(a, ba);
        check_normal_form(b, bb);
        shim_region_t na, nb;
        make(a, &na);
        make(b, &nb);
        if (na.contiguous && nb.contiguous && ba == bb) {
            EXPECT_EQ(eq, 1) << "same contiguous bytes not equal: " << show(a) << " vs "
                             << show(b);
        }
    }
    // Both outcomes are well represented.
    EXPECT_GT(overlapping, pairs / 10);
    EXPECT_LT(overlapping, pairs - pairs / 10);
    EXPECT_GT(fast_path, pairs / 10);
}

TEST(RegionBruteForce, HitsMatchesBitmap)
{
    Rng rng(777);
    for (int i = 0; i < 20000; i++) {
        Reg a = random_region(rng);
        std::bitset<BUF> ba = bytes_of<BUF>(a);
        size_t lo = rng.below(BUF), hi = lo + 1 + rng.below(BUF - lo);
        bool want = false;
        for (size_t x = lo; x < hi && !want; x++)
            want = ba[x];
        int got = shim_region_hits(a.base, a.n, a.d, B + lo, B + hi);
        ASSERT_EQ(got, want ? 1 : 0) << show(a) << " hits [" << lo << "," << hi << ")";
    }
}

}  // namespace
