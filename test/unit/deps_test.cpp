// White-box tests of the dependence engine (deps/deps.h) driven through
// deps_shim.c: fake task blocks, one domain, no worker threads. "Ready" is
// what ssi_deps_submit / ssi_deps_release put on their ready lists.
#include <gtest/gtest.h>

#include <numeric>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "deps_test.h"

namespace {

using namespace deps_test;

// ---- every ordered pair of types, over several region relations ----------

enum Rel { SAME, OVERLAP, DISJOINT };

struct Shape {
    const char *name;
    Acc first, second;
    Rel rel;
};

void PrintTo(const Shape &s, std::ostream *os) { *os << s.name; }

const Shape shapes[] = {
    {"identical", bytes(0, 100), bytes(0, 100), SAME},
    {"identical 2-D block", mat(2, 5, 1, 4), mat(2, 5, 1, 4), SAME},
    {"identical 2-D column", mat(0, 10, 5, 6), mat(0, 10, 5, 6), SAME},
    {"identical bytes as 2-D row", bytes(240, 80), mat(3, 4, 0, 10), SAME},
    {"identical 3-D", cube(1, 3, 0, 2, 1, 4), cube(1, 3, 0, 2, 1, 4), SAME},
    {"nested", bytes(0, 100), bytes(10, 10), OVERLAP},
    {"nested at start", bytes(0, 100), bytes(0, 10), OVERLAP},
    {"enclosing", bytes(10, 10), bytes(0, 100), OVERLAP},
    {"partial", bytes(0, 100), bytes(50, 100), OVERLAP},
    {"partial before", bytes(50, 100), bytes(0, 100), OVERLAP},
    {"2-D blocks overlapping", mat(0, 5, 0, 5), mat(2, 7, 2, 7), OVERLAP},
    {"2-D block in block", mat(0, 5, 0, 5), mat(1, 3, 1, 3), OVERLAP},
    {"2-D row vs column", mat(3, 4, 0, 10), mat(0, 10, 5, 6), OVERLAP},
    {"2-D whole vs block", bytes(0, 800), mat(4, 6, 4, 6), OVERLAP},
    {"3-D sub-cubes overlapping", cube(0, 2, 0, 2, 0, 2), cube(1, 3, 1, 3, 1, 3), OVERLAP},
    {"disjoint", bytes(0, 100), bytes(200, 100), DISJOINT},
    {"adjacent", bytes(0, 100), bytes(100, 100), DISJOINT},
    {"2-D blocks side by side", mat(0, 5, 0, 5), mat(0, 5, 5, 10), DISJOINT},
    {"2-D blocks stacked", mat(0, 5, 0, 5), mat(5, 10, 0, 5), DISJOINT},
    {"2-D adjacent columns", mat(0, 10, 5, 6), mat(0, 10, 6, 7), DISJOINT},
    {"2-D row vs column below", mat(3, 4, 0, 10), mat(4, 10, 5, 6), DISJOINT},
    {"3-D interleaved", cube(0, 2, 0, 2, 0, 2), cube(0, 2, 0, 2, 2, 4), DISJOINT},
};

// May the second task run while the first has not completed?
bool concurrent(Rel rel, ss_dep_type_t a, ss_dep_type_t b)
{
    if (rel == DISJOINT)
        return true;
    if (a == SS_DEP_IN && b == SS_DEP_IN)
        return true;
    // inoutset members run together, on the same region and on regions
    // that only overlap (as Nanos6's region mode does; docs/design.md).
    return a == SS_DEP_INOUTSET && b == SS_DEP_INOUTSET;
}

class DepsPairs : public ::testing::TestWithParam<Shape> {};

TEST_P(DepsPairs, EveryTypePair)
{
    const Shape &s = GetParam();
    for (ss_dep_type_t t1 : kTypes)
        for (ss_dep_type_t t2 : kTypes) {
            SCOPED_TRACE(std::string(type_name(t1)) + " then " + type_name(t2));
            shim_deps_reset();
            int a = task(t1, s.first);
            ASSERT_TRUE(submit(a)) << "first task not ready on an empty domain";
            int b = task(t2, s.second);
            bool ready = submit(b);
            bool conc = concurrent(s.rel, t1, t2);
            EXPECT_EQ(ready, conc);
            EXPECT_EQ(shim_objects(), s.rel == SAME ? 1u : 2u);
            if (!ready) {
                EXPECT_EQ(shim_state(b), SHIM_WAITING);
                EXPECT_GE(shim_preds(b), 1);
            }
            if (s.rel == SAME && t1 == SS_DEP_MUTEXINOUTSET && t2 == t1) {
                // Released by its dependences but parked on the commutative
                // slot held by the first: preds stays 1.
                EXPECT_EQ(shim_preds(b), 1);
            }
            if (ready) {
                // Either may finish first; finish the second first.
                EXPECT_EQ(complete(b), Ids{});
                EXPECT_EQ(complete(a), Ids{});
            } else {
                EXPECT_EQ(complete(a), Ids{b});
                EXPECT_EQ(complete(b), Ids{});
            }
            EXPECT_EQ(shim_objects(), 0u);
            ASSERT_EQ(shim_errors(), 0u) << shim_last_error();
        }
}

INSTANTIATE_TEST_SUITE_P(Table, DepsPairs, ::testing::ValuesIn(shapes), CaseName());

// ---- a writer, 3 readers, a writer ---------------------------------------

struct ReadersCase {
    const char *name;
    Acc writer;
    Acc readers[3];
};

void PrintTo(const ReadersCase &c, std::ostream *os) { *os << c.name; }

const ReadersCase readers_cases[] = {
    {"same region", bytes(0, 300), {bytes(0, 300), bytes(0, 300), bytes(0, 300)}},
    {"disjoint parts", bytes(0, 300), {bytes(0, 100), bytes(100, 100), bytes(200, 100)}},
    {"overlapping parts", bytes(0, 300), {bytes(0, 150), bytes(100, 150), bytes(50, 250)}},
    {"2-D columns", bytes(0, 800), {mat(0, 10, 1, 2), mat(0, 10, 2, 3), mat(0, 10, 3, 4)}},
    {"mixed", bytes(0, 800), {bytes(0, 800), mat(2, 8, 2, 8), bytes(400, 8)}},
};

class DepsReaders : public ::testing::TestWithParam<ReadersCase> {};

TEST_P(DepsReaders, WriterReadersWriter)
{
    const ReadersCase &c = GetParam();
    int order[3] = {0, 1, 2};
    do {
        SCOPED_TRACE("readers complete in order " + std::to_string(order[0]) +
                     std::to_string(order[1]) + std::to_string(order[2]));
        shim_deps_reset();
        int w1 = task(SS_DEP_OUT, c.writer);
        ASSERT_TRUE(submit(w1));
        int r[3];
        for (int i = 0; i < 3; i++) {
            r[i] = task(SS_DEP_IN, c.readers[i]);
            EXPECT_FALSE(submit(r[i])) << "reader " << i;
        }
        int w2 = task(SS_DEP_INOUT, c.writer);
        EXPECT_FALSE(submit(w2));
        EXPECT_EQ(complete(w1), (Ids{r[0], r[1], r[2]}));
        EXPECT_EQ(complete(r[order[0]]), Ids{});
        EXPECT_EQ(complete(r[order[1]]), Ids{});
        EXPECT_EQ(shim_state(w2), SHIM_WAITING);
        EXPECT_EQ(complete(r[order[2]]), Ids{w2});
        EXPECT_EQ(complete(w2), Ids{});
        EXPECT_EQ(shim_objects(), 0u);
        ASSERT_EQ(shim_errors(), 0u) << shim_last_error();
    } while (std::next_permutation(order, order + 3));
}

INSTANTIATE_TEST_SUITE_P(Table, DepsReaders, ::testing::ValuesIn(readers_cases), CaseName());

// ---- identical-region fast path -------------------------------------------

TEST_F(Deps, ChainOnOneRegionKeepsOneObject)
{
    const int n = 1000;
    std::vector<int> t(n);
    for (int i = 0; i < n; i++) {
        t[i] = task(SS_DEP_INOUT, bytes(64, 8));
        EXPECT_EQ(submit(t[i]), i == 0);
        ASSERT_EQ(shim_objects(), 1u) << "after submitting " << i;
    }
    for (int i = 0; i < n; i++) {
        Ids want = i + 1 < n ? Ids{t[i + 1]} : Ids{};
        ASSERT_EQ(complete(t[i]), want) << "completing " << i;
        EXPECT_EQ(shim_objects(), i + 1 < n ? 1u : 0u);
    }
}

TEST_F(Deps, MixedChainOnOneRegionKeepsOneObject)
{
    // Epochs: [out] [in in] [inout] [inoutset inoutset] [mutex mutex] [in]
    struct Step {
        ss_dep_type_t type;
        int epoch;
    };
    const Step steps[] = {
        {SS_DEP_OUT, 0},      {SS_DEP_IN, 1},       {SS_DEP_IN, 1},
        {SS_DEP_INOUT, 2},    {SS_DEP_INOUTSET, 3}, {SS_DEP_INOUTSET, 3},
        {SS_DEP_MUTEXINOUTSET, 4}, {SS_DEP_MUTEXINOUTSET, 4}, {SS_DEP_IN, 5},
    };
    const Acc region = mat(1, 9, 2, 7);
    std::vector<int> t;
    for (const Step &s : steps) {
        t.push_back(task(s.type, region));
        EXPECT_EQ(submit(t.back()), s.epoch == 0);
        EXPECT_EQ(shim_objects(), 1u);
    }
    EXPECT_EQ(complete(t[0]), (Ids{t[1], t[2]}));
    EXPECT_EQ(complete(t[2]), Ids{});
    EXPECT_EQ(complete(t[1]), Ids{t[3]});
    EXPECT_EQ(complete(t[3]), (Ids{t[4], t[5]}));
    EXPECT_EQ(complete(t[4]), Ids{});
    // The set is done: one mutexinoutset member runs, the other is parked.
    std::vector<int> m = complete(t[5]);
    ASSERT_EQ(m.size(), 1u);
    int other = m[0] == t[6] ? t[7] : t[6];
    EXPECT_TRUE(m[0] == t[6] || m[0] == t[7]);
    EXPECT_EQ(shim_state(other), SHIM_WAITING);
    EXPECT_EQ(complete(m[0]), Ids{other});
    EXPECT_EQ(complete(other), Ids{t[8]});
    EXPECT_EQ(shim_objects(), 1u);
    EXPECT_EQ(complete(t[8]), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, ManyReaders)
{
    const int n = 100000;
    int w1 = task(SS_DEP_OUT, bytes(0, 4096));
    ASSERT_TRUE(submit(w1));
    std::vector<int> r(n);
    for (int i = 0; i < n; i++) {
        r[i] = task(SS_DEP_IN, bytes(0, 4096));
        ASSERT_FALSE(submit(r[i])) << "reader " << i;
    }
    int w2 = task(SS_DEP_OUT, bytes(0, 4096));
    ASSERT_FALSE(submit(w2));
    EXPECT_EQ(shim_objects(), 1u);
    EXPECT_EQ(complete(w1), r);  // all readers at once (r is sorted)
    EXPECT_EQ(shim_objects(), 1u);
    for (int i = 0; i < n - 1; i++)
        ASSERT_EQ(complete(r[i]), Ids{}) << "reader " << i;
    EXPECT_EQ(shim_state(w2), SHIM_WAITING);
    EXPECT_EQ(complete(r[n - 1]), Ids{w2});
    EXPECT_EQ(complete(w2), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, ManyReadersReadyAtOnce)
{
    // Readers with nothing before them are ready at submit, and stay one
    // object however many there are.
    const int n = 100000;
    std::vector<int> r(n);
    for (int i = 0; i < n; i++) {
        r[i] = task(SS_DEP_IN, bytes(128, 64));
        ASSERT_TRUE(submit(r[i])) << "reader " << i;
    }
    EXPECT_EQ(shim_objects(), 1u);
    int w = task(SS_DEP_INOUT, bytes(128, 64));
    EXPECT_FALSE(submit(w));
    for (int i = n - 1; i > 0; i--)
        ASSERT_EQ(complete(r[i]), Ids{});
    EXPECT_EQ(complete(r[0]), Ids{w});
    EXPECT_EQ(complete(w), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, ManyDistinctObjects)
{
    // 5000 disjoint regions: the hash table grows; each writer is ready at
    // once and each reader waits for its own writer only.
    const int n = 5000;
    std::vector<int> w(n), r(n);
    for (int i = 0; i < n; i++) {
        w[i] = task(SS_DEP_OUT, bytes(16 * (size_t)i, 16));
        ASSERT_TRUE(submit(w[i]));
    }
    EXPECT_EQ(shim_objects(), (unsigned)n);
    for (int i = 0; i < n; i++) {
        r[i] = task(SS_DEP_IN, bytes(16 * (size_t)i, 16));
        ASSERT_FALSE(submit(r[i]));
    }
    EXPECT_EQ(shim_objects(), (unsigned)n);
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(5));
    for (int i : order)
        ASSERT_EQ(complete(w[i]), Ids{r[i]});
    for (int i : order)
        ASSERT_EQ(complete(r[i]), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

// ---- partial overlaps ---------------------------------------------------

TEST_F(Deps, PartialWriterBetweenReaders)
{
    // W1 writes [0,100); R2 reads [0,100); W3 writes [50,60) (must wait for
    // R2); R4 reads [0,100) (must wait for W3).
    int w1 = task(SS_DEP_OUT, bytes(0, 100));
    int r2 = task(SS_DEP_IN, bytes(0, 100));
    int w3 = task(SS_DEP_OUT, bytes(50, 10));
    int r4 = task(SS_DEP_IN, bytes(0, 100));
    EXPECT_TRUE(submit(w1));
    EXPECT_FALSE(submit(r2));
    EXPECT_FALSE(submit(w3));
    EXPECT_FALSE(submit(r4));
    EXPECT_EQ(shim_objects(), 2u);
    EXPECT_EQ(complete(w1), Ids{r2});
    EXPECT_EQ(complete(r2), Ids{w3});
    EXPECT_EQ(shim_state(r4), SHIM_WAITING) << "R4 ran before W3 completed";
    EXPECT_EQ(complete(w3), Ids{r4});
    EXPECT_EQ(complete(r4), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, PartialWriterClosesReaderEpoch)
{
    // R1 reads A; W2 writes part of A (waits for R1); R3 reads A: must not
    // join R1's epoch, it comes after W2.
    int r1 = task(SS_DEP_IN, bytes(0, 100));
    int w2 = task(SS_DEP_INOUT, bytes(20, 10));
    int r3 = task(SS_DEP_IN, bytes(0, 100));
    EXPECT_TRUE(submit(r1));
    EXPECT_FALSE(submit(w2));
    EXPECT_FALSE(submit(r3));
    EXPECT_EQ(complete(r1), Ids{w2});
    EXPECT_EQ(shim_state(r3), SHIM_WAITING);
    EXPECT_EQ(complete(w2), Ids{r3});
    EXPECT_EQ(complete(r3), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, ReaderNotDelayedByOtherReaders)
{
    // Precision (not safety): R4 reads [60,70). The tasks before it are two
    // readers of [0,100) and a writer of [20,30), which R4 does not touch,
    // so nothing orders R4: it should be ready at submit. The engine makes
    // it wait for R3's epoch of [0,100) to be satisfied, i.e. for R1.
    int r1 = task(SS_DEP_IN, bytes(0, 100));
    int w2 = task(SS_DEP_INOUT, bytes(20, 10));
    int r3 = task(SS_DEP_IN, bytes(0, 100));
    int r4 = task(SS_DEP_IN, bytes(60, 10));
    EXPECT_TRUE(submit(r1));
    EXPECT_FALSE(submit(w2));
    EXPECT_FALSE(submit(r3));
    EXPECT_TRUE(submit(r4)) << "R4 waits for an earlier reader (spurious read-after-read)";
    if (shim_state(r4) == SHIM_READY) {
        EXPECT_EQ(complete(r4), Ids{});
        EXPECT_EQ(complete(r1), Ids{w2});
    } else {
        EXPECT_EQ(complete(r1), (Ids{w2, r4}));
        EXPECT_EQ(complete(r4), Ids{});
    }
    EXPECT_EQ(complete(w2), Ids{r3});
    EXPECT_EQ(complete(r3), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, SubregionReadersWaitForEnclosingWriter)
{
    int w1 = task(SS_DEP_OUT, bytes(0, 100));
    int r2 = task(SS_DEP_IN, bytes(10, 10));
    int r3 = task(SS_DEP_IN, bytes(10, 10));
    int r4 = task(SS_DEP_IN, bytes(15, 30));
    EXPECT_TRUE(submit(w1));
    EXPECT_FALSE(submit(r2));
    EXPECT_FALSE(submit(r3));
    EXPECT_FALSE(submit(r4));
    EXPECT_EQ(complete(w1), (Ids{r2, r3, r4}));
    EXPECT_EQ(complete(r3), Ids{});
    EXPECT_EQ(complete(r2), Ids{});
    EXPECT_EQ(complete(r4), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, DisjointHalvesThenWhole)
{
    int w1 = task(SS_DEP_OUT, bytes(0, 100));
    int w2 = task(SS_DEP_OUT, bytes(0, 50));
    int w3 = task(SS_DEP_OUT, bytes(50, 50));
    int w4 = task(SS_DEP_INOUT, bytes(0, 100));
    EXPECT_TRUE(submit(w1));
    EXPECT_FALSE(submit(w2));
    EXPECT_FALSE(submit(w3));
    EXPECT_FALSE(submit(w4));
    EXPECT_EQ(complete(w1), (Ids{w2, w3}));
    EXPECT_EQ(complete(w3), Ids{});
    EXPECT_EQ(complete(w2), Ids{w4});
    EXPECT_EQ(complete(w4), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, InoutsetThenPartialReaderThenInoutset)
{
    // I1 inoutset A; R2 reads part of A (after I1); I3 inoutset A must come
    // after R2 even though it is in the same set class as I1.
    int i1 = task(SS_DEP_INOUTSET, bytes(0, 100));
    int r2 = task(SS_DEP_IN, bytes(40, 20));
    int i3 = task(SS_DEP_INOUTSET, bytes(0, 100));
    EXPECT_TRUE(submit(i1));
    EXPECT_FALSE(submit(r2));
    EXPECT_FALSE(submit(i3));
    EXPECT_EQ(complete(i1), Ids{r2});
    EXPECT_EQ(complete(r2), Ids{i3});
    EXPECT_EQ(complete(i3), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, TwoDBlocksOfOneMatrix)
{
    // Four quadrants written, then the whole matrix read: the reader waits
    // for all four; a column read waits for the two left quadrants only.
    int q[4] = {task(SS_DEP_OUT, mat(0, 5, 0, 5)), task(SS_DEP_OUT, mat(0, 5, 5, 10)),
                task(SS_DEP_OUT, mat(5, 10, 0, 5)), task(SS_DEP_OUT, mat(5, 10, 5, 10))};
    for (int t : q)
        EXPECT_TRUE(submit(t));
    int all = task(SS_DEP_IN, bytes(0, 800));
    int col = task(SS_DEP_IN, mat(0, 10, 2, 3));
    EXPECT_FALSE(submit(all));
    EXPECT_FALSE(submit(col));
    EXPECT_EQ(complete(q[1]), Ids{});
    EXPECT_EQ(complete(q[0]), Ids{});
    EXPECT_EQ(complete(q[2]), Ids{col});
    EXPECT_EQ(complete(q[3]), Ids{all});
    EXPECT_EQ(complete(all), Ids{});
    EXPECT_EQ(complete(col), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, ReaderSkipsReadOnlyNeighbourUntilItIsWritten)
{
    // Two overlapping column sections: while the left one is only read, a
    // reader of the right one does not wait on it; once a writer of the
    // left one is registered, a later reader of the right one waits.
    int r1 = task(SS_DEP_IN, mat(0, 10, 2, 4));
    EXPECT_TRUE(submit(r1));
    int r2 = task(SS_DEP_IN, mat(0, 10, 3, 5));
    EXPECT_TRUE(submit(r2)); // readers never wait for readers
    int w = task(SS_DEP_OUT, mat(0, 10, 2, 4));
    EXPECT_FALSE(submit(w)); // after r1 (same region) and r2 (overlap)
    int r3 = task(SS_DEP_IN, mat(0, 10, 3, 5));
    EXPECT_FALSE(submit(r3)); // after w, through the overlap only
    EXPECT_EQ(complete(r1), Ids{});
    EXPECT_EQ(complete(r2), Ids{w});
    EXPECT_EQ(complete(w), Ids{r3});
    EXPECT_EQ(complete(r3), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, ManyNeighboursPastTheInlineOnes)
{
    // One row read by eight column writers' tasks: its object has more
    // neighbours than an object keeps inline, and each must be waited on.
    int w[8];
    for (int k = 0; k < 8; k++) {
        w[k] = task(SS_DEP_OUT, mat(0, 10, (size_t)k, (size_t)k + 1));
        EXPECT_TRUE(submit(w[k]));
    }
    int row = task(SS_DEP_IN, mat(4, 5, 0, 10));
    EXPECT_FALSE(submit(row));
    for (int k = 0; k < 7; k++)
        EXPECT_EQ(complete(w[k]), Ids{});
    EXPECT_EQ(complete(w[7]), Ids{row});
    EXPECT_EQ(complete(row), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, BlocksOfMoreArraysThanTheIndexHasGrids)
{
    // Twelve 2-D arrays (the index keeps a grid for eight): blocks of each
    // are ordered exactly, whichever structure holds them.
    std::vector<int> first, second;
    for (size_t a = 0; a < 12; a++) {
        Acc blk = {B + 1000 * a, 2, {{80, 0, 40}, {10, 0, 5}}};
        first.push_back(task(SS_DEP_OUT, blk));
        EXPECT_TRUE(submit(first.back()));
    }
    for (size_t a = 0; a < 12; a++) {
        Acc part = {B + 1000 * a, 2, {{80, 32, 48}, {10, 4, 6}}};
        second.push_back(task(SS_DEP_INOUT, part));
        EXPECT_FALSE(submit(second.back()));
    }
    for (size_t a = 0; a < 12; a++)
        EXPECT_EQ(complete(first[a]), Ids{second[a]});
    for (int t : second)
        EXPECT_EQ(complete(t), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, StencilObjectsAreKeptIdleAcrossSweeps)
{
    // heat's pattern in small: a block written, its last row read by the
    // next block's task. The two overlap, each has one neighbour, so both
    // stay stored while idle, and the next sweep reuses them in order.
    const Acc blk = mat(0, 4, 0, 4), halo = mat(3, 4, 0, 4);
    for (int sweep = 0; sweep < 3; sweep++) {
        int w = task(SS_DEP_INOUT, blk);
        EXPECT_TRUE(submit(w)) << "sweep " << sweep;
        int r = task(SS_DEP_IN, halo);
        EXPECT_FALSE(submit(r)) << "sweep " << sweep;
        EXPECT_EQ(complete(w), Ids{r});
        EXPECT_EQ(complete(r), Ids{});
        EXPECT_EQ(shim_objects(), 0u);
        EXPECT_EQ(shim_stored(), 2u) << "sweep " << sweep;
    }
}

TEST_F(Deps, OverlappingAccessesOfOneTaskOfDifferentKindsAreWrites)
{
    // in [0,8) and out [4,12): the read is made a write, so a later reader
    // of [0,4) waits for the task.
    int t = task({{SS_DEP_IN, bytes(0, 8)}, {SS_DEP_OUT, bytes(4, 8)}});
    EXPECT_TRUE(submit(t));
    int r = task(SS_DEP_IN, bytes(0, 4));
    EXPECT_FALSE(submit(r));
    EXPECT_EQ(complete(t), Ids{r});
}

TEST_F(Deps, AdjacentAccessesOfOneTaskKeepTheirKinds)
{
    int t = task({{SS_DEP_IN, bytes(0, 4)}, {SS_DEP_OUT, bytes(4, 8)}});
    EXPECT_TRUE(submit(t));
    int r = task(SS_DEP_IN, bytes(0, 4));
    EXPECT_TRUE(submit(r));
}

TEST_F(Deps, AMergedAccessThatBecomesAWriteUpgradesWhatItOverlaps)
{
    // in [0,8) and in [4,12) meet with the same kind; out [0,8) then makes
    // the first inout, which overlaps the second: both are writes, so a
    // reader of [8,12) waits.
    int t = task({{SS_DEP_IN, bytes(0, 8)}, {SS_DEP_IN, bytes(4, 8)}, {SS_DEP_OUT, bytes(0, 8)}});
    EXPECT_TRUE(submit(t));
    int r = task(SS_DEP_IN, bytes(8, 4));
    EXPECT_FALSE(submit(r));
    EXPECT_EQ(complete(t), Ids{r});
}

TEST_F(Deps, LastSatisfiedReaderFinishesItsEpochLazily)
{
    // Two readers behind a writer: both become runnable with their epoch
    // satisfied. The first to finish only counts down; the last finishes
    // the epoch without the lock (on the done list), and a later writer
    // reuses the object and may start at once.
    int w = task(SS_DEP_OUT, bytes(0, 64));
    EXPECT_TRUE(submit(w));
    int r1 = task(SS_DEP_IN, bytes(0, 64)), r2 = task(SS_DEP_IN, bytes(0, 64));
    EXPECT_FALSE(submit(r1));
    EXPECT_FALSE(submit(r2));
    EXPECT_EQ(complete(w), (Ids{r1, r2})); // under the lock: the readers' epoch follows
    EXPECT_EQ(shim_lazy(), 0u);
    EXPECT_EQ(complete(r1), Ids{});
    EXPECT_EQ(shim_lazy(), 0u);
    EXPECT_EQ(complete(r2), Ids{});
    EXPECT_EQ(shim_lazy(), 1u);
    EXPECT_EQ(shim_objects(), 0u);
    int w2 = task(SS_DEP_INOUT, bytes(0, 64));
    EXPECT_TRUE(submit(w2));
    EXPECT_EQ(shim_stored(), 1u);
}

TEST_F(Deps, LastReaderOfAClaimedEpochFinishesItUnderTheLock)
{
    // r1 runs; w overlaps it and claims r1's epoch (waits for it to be
    // done), so r1 cannot finish it lazily: it takes the count to 0, finds
    // the epoch claimed and finishes it under the lock, which starts w.
    // r2 reads what w writes and waits for it; its epoch, behind r1's
    // closed one, was not satisfied when r2 registered: it finishes under
    // the lock too.
    int r1 = task(SS_DEP_IN, bytes(0, 8));
    EXPECT_TRUE(submit(r1));
    int w = task(SS_DEP_OUT, bytes(4, 4));
    EXPECT_FALSE(submit(w));
    int r2 = task(SS_DEP_IN, bytes(0, 8));
    EXPECT_FALSE(submit(r2));
    EXPECT_EQ(complete(r1), Ids{w});
    EXPECT_EQ(shim_lazy(), 0u);
    EXPECT_EQ(complete(w), Ids{r2});
    EXPECT_EQ(complete(r2), Ids{});
    EXPECT_EQ(shim_lazy(), 0u);
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, IdleObjectsNextToAWideOneAreFreed)
{
    // 40 one-byte pieces written, then the 40 bytes read: the reader's
    // object has 40 neighbours, more than obj_keep allows next to an idle
    // object (16), so a piece done is freed until the reader is down to 16
    // neighbours; the 16 later pieces are kept. The reader's object, with
    // 16 neighbours, is freed once done, which leaves those 16 with none.
    std::vector<int> w;
    for (size_t k = 0; k < 40; k++) {
        w.push_back(task(SS_DEP_OUT, bytes(k, 1)));
        EXPECT_TRUE(submit(w.back()));
    }
    int row = task(SS_DEP_IN, bytes(0, 40));
    EXPECT_FALSE(submit(row));
    EXPECT_EQ(shim_stored(), 41u);
    for (size_t k = 0; k < 40; k++) {
        EXPECT_EQ(complete(w[k]), k + 1 < 40 ? Ids{} : Ids{row});
        EXPECT_EQ(shim_stored(), std::max(40u - (unsigned)k, 17u)) << "after piece " << k;
    }
    EXPECT_EQ(complete(row), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
    EXPECT_EQ(shim_stored(), 16u);
}

// ---- mutexinoutset ---------------------------------------------------------

TEST_F(Deps, MutexMembersOneAtATime)
{
    int m[3];
    for (int &t : m)
        t = task(SS_DEP_MUTEXINOUTSET, bytes(0, 64));
    EXPECT_TRUE(submit(m[0]));
    EXPECT_FALSE(submit(m[1]));
    EXPECT_FALSE(submit(m[2]));
    EXPECT_EQ(shim_objects(), 1u);
    std::vector<int> next = complete(m[0]);
    ASSERT_EQ(next.size(), 1u);
    int last = next[0] == m[1] ? m[2] : m[1];
    EXPECT_EQ(shim_state(last), SHIM_WAITING);
    EXPECT_EQ(complete(next[0]), Ids{last});
    EXPECT_EQ(complete(last), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, MutexThenReader)
{
    int m1 = task(SS_DEP_MUTEXINOUTSET, bytes(0, 64));
    int m2 = task(SS_DEP_MUTEXINOUTSET, bytes(0, 64));
    int r3 = task(SS_DEP_IN, bytes(0, 64));
    EXPECT_TRUE(submit(m1));
    EXPECT_FALSE(submit(m2));
    EXPECT_FALSE(submit(r3));
    EXPECT_EQ(complete(m1), Ids{m2});
    EXPECT_EQ(complete(m2), Ids{r3});
    EXPECT_EQ(complete(r3), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, MutexOnTwoObjects)
{
    // M1 {A}, M2 {A, B}, M3 {B}: M2 needs both slots at once.
    int m1 = task(SS_DEP_MUTEXINOUTSET, bytes(0, 64));
    int m2 = task({{SS_DEP_MUTEXINOUTSET, bytes(0, 64)}, {SS_DEP_MUTEXINOUTSET, bytes(128, 64)}});
    int m3 = task(SS_DEP_MUTEXINOUTSET, bytes(128, 64));
    EXPECT_TRUE(submit(m1));
    EXPECT_FALSE(submit(m2));  // A held by M1
    EXPECT_TRUE(submit(m3));   // B free: M2 took nothing while parked
    EXPECT_EQ(complete(m1), Ids{});  // M2 now waits for B
    EXPECT_EQ(shim_state(m2), SHIM_WAITING);
    EXPECT_EQ(complete(m3), Ids{m2});
    EXPECT_EQ(complete(m2), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

// ---- several dependences per task ------------------------------------------

TEST_F(Deps, TaskWaitsForTwoWriters)
{
    for (int first = 0; first < 2; first++) {
        SCOPED_TRACE("writer " + std::to_string(first) + " completes first");
        shim_deps_reset();
        int w[2] = {task(SS_DEP_OUT, bytes(0, 8)), task(SS_DEP_OUT, mat(0, 10, 3, 4))};
        EXPECT_TRUE(submit(w[0]));
        EXPECT_TRUE(submit(w[1]));
        int t = task({{SS_DEP_IN, bytes(0, 8)}, {SS_DEP_IN, mat(0, 10, 3, 4)}});
        EXPECT_FALSE(submit(t));
        EXPECT_EQ(complete(w[first]), Ids{});
        EXPECT_EQ(complete(w[1 - first]), Ids{t});
        EXPECT_EQ(complete(t), Ids{});
        EXPECT_EQ(shim_objects(), 0u);
    }
}

TEST_F(Deps, WriterOfTwoRegionsReleasesBothReaders)
{
    int w = task({{SS_DEP_OUT, bytes(0, 8)}, {SS_DEP_INOUT, bytes(64, 8)}});
    int r1 = task(SS_DEP_IN, bytes(0, 8));
    int r2 = task(SS_DEP_IN, bytes(64, 8));
    EXPECT_TRUE(submit(w));
    EXPECT_FALSE(submit(r1));
    EXPECT_FALSE(submit(r2));
    EXPECT_EQ(complete(w), (Ids{r1, r2}));
    EXPECT_EQ(complete(r1), Ids{});
    EXPECT_EQ(complete(r2), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, InPlusOutOnOneRegionIsAWrite)
{
    // The same region twice in one task: merged into one (write) access.
    int t = shim_new_task(1);
    EXPECT_EQ(add(t, SS_DEP_IN, bytes(0, 32)), 0);
    EXPECT_EQ(add(t, SS_DEP_OUT, bytes(0, 32)), 0);  // merged: no room needed
    int r = task(SS_DEP_IN, bytes(0, 32));
    EXPECT_TRUE(submit(t));
    EXPECT_FALSE(submit(r));
    EXPECT_EQ(complete(t), Ids{r});
    EXPECT_EQ(complete(r), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, OverlappingAccessesOfOneTask)
{
    // in [0,100) and out [50,60) in one task must not wait on themselves;
    // later readers of [50,60) and writers of [0,10) come after it.
    int t = task({{SS_DEP_IN, bytes(0, 100)}, {SS_DEP_OUT, bytes(50, 10)}});
    EXPECT_TRUE(submit(t));
    int r = task(SS_DEP_IN, bytes(50, 10));
    int w = task(SS_DEP_OUT, bytes(0, 10));
    EXPECT_FALSE(submit(r));
    EXPECT_FALSE(submit(w));
    EXPECT_EQ(complete(t), (Ids{r, w}));
    EXPECT_EQ(complete(r), Ids{});
    EXPECT_EQ(complete(w), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

TEST_F(Deps, AddDepResults)
{
    int t = shim_new_task(1);
    EXPECT_EQ(add(t, SS_DEP_IN, bytes(0, 8)), 0);
    EXPECT_EQ(add(t, SS_DEP_IN, bytes(0, 8)), 0) << "identical region merges";
    EXPECT_EQ(add(t, SS_DEP_IN, bytes(8, 8)), -2) << "no room left";
    ss_dim_t empty = {8, 3, 3}, bad = {8, 0, 9};
    EXPECT_EQ(shim_add_dep(t, SS_DEP_IN, (const void *)B, 1, &empty), 1);
    EXPECT_EQ(shim_add_dep(t, SS_DEP_IN, (const void *)B, 1, &bad), -1);
    EXPECT_TRUE(submit(t));
    EXPECT_EQ(complete(t), Ids{});
    // A task whose only dependence was empty has none: ready at once even
    // behind a writer of the same bytes.
    int w = task(SS_DEP_OUT, bytes(0, 8));
    EXPECT_TRUE(submit(w));
    int e = shim_new_task(1);
    EXPECT_EQ(shim_add_dep(e, SS_DEP_IN, (const void *)B, 1, &empty), 1);
    EXPECT_TRUE(submit(e));
    EXPECT_EQ(complete(e), Ids{});
    EXPECT_EQ(complete(w), Ids{});
    EXPECT_EQ(shim_objects(), 0u);
}

}  // namespace
