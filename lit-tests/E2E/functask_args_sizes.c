// A function task receives its arguments byte for byte whatever their
// size: structs by value of 1 to 100 bytes cover the spawn's inline copy
// (16-, 8-, 4-byte and single-byte steps, up to 64 bytes) and the copy
// past it. Each task checks every byte against the pattern its creator
// wrote; the first byte differs from task to task.
// RUN: %ssc -fompss -Wall -Wextra -Werror %s -o %t
// RUN: env SS_NUM_THREADS=2 %t | FileCheck %s
// CHECK: sizes 12, tasks 1200, bytes wrong 0
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ran, wrong;

static unsigned char pattern(int size, int i, int k)
{
    return (unsigned char)(i == 0 ? k : size * 7 + i * 13);
}

static void check(const unsigned char *b, int size)
{
    for (int i = 1; i < size; i++)
        if (b[i] != pattern(size, i, b[0]))
            atomic_fetch_add(&wrong, 1);
    atomic_fetch_add(&ran, 1);
}

/* The struct of `size` bytes for task k. */
#define FILL(s, size, k)                                                    \
    for (int i = 0; i < (size); i++)                                        \
        (s).b[i] = pattern((size), i, (k))

struct b1 { unsigned char b[1]; };
#pragma oss task
static void check1(struct b1 s)
{
    check(s.b, 1);
}

struct b3 { unsigned char b[3]; };
#pragma oss task
static void check3(struct b3 s)
{
    check(s.b, 3);
}

struct b4 { unsigned char b[4]; };
#pragma oss task
static void check4(struct b4 s)
{
    check(s.b, 4);
}

struct b5 { unsigned char b[5]; };
#pragma oss task
static void check5(struct b5 s)
{
    check(s.b, 5);
}

struct b8 { unsigned char b[8]; };
#pragma oss task
static void check8(struct b8 s)
{
    check(s.b, 8);
}

struct b13 { unsigned char b[13]; };
#pragma oss task
static void check13(struct b13 s)
{
    check(s.b, 13);
}

struct b16 { unsigned char b[16]; };
#pragma oss task
static void check16(struct b16 s)
{
    check(s.b, 16);
}

struct b31 { unsigned char b[31]; };
#pragma oss task
static void check31(struct b31 s)
{
    check(s.b, 31);
}

struct b33 { unsigned char b[33]; };
#pragma oss task
static void check33(struct b33 s)
{
    check(s.b, 33);
}

struct b64 { unsigned char b[64]; };
#pragma oss task
static void check64(struct b64 s)
{
    check(s.b, 64);
}

struct b65 { unsigned char b[65]; };
#pragma oss task
static void check65(struct b65 s)
{
    check(s.b, 65);
}

struct b100 { unsigned char b[100]; };
#pragma oss task
static void check100(struct b100 s)
{
    check(s.b, 100);
}

int main(void)
{
    for (int k = 0; k < 100; k++) {
        struct b1 s1;
        FILL(s1, 1, k);
        check1(s1);
        struct b3 s3;
        FILL(s3, 3, k);
        check3(s3);
        struct b4 s4;
        FILL(s4, 4, k);
        check4(s4);
        struct b5 s5;
        FILL(s5, 5, k);
        check5(s5);
        struct b8 s8;
        FILL(s8, 8, k);
        check8(s8);
        struct b13 s13;
        FILL(s13, 13, k);
        check13(s13);
        struct b16 s16;
        FILL(s16, 16, k);
        check16(s16);
        struct b31 s31;
        FILL(s31, 31, k);
        check31(s31);
        struct b33 s33;
        FILL(s33, 33, k);
        check33(s33);
        struct b64 s64;
        FILL(s64, 64, k);
        check64(s64);
        struct b65 s65;
        FILL(s65, 65, k);
        check65(s65);
        struct b100 s100;
        FILL(s100, 100, k);
        check100(s100);
    }
#pragma oss taskwait
    printf("sizes 12, tasks %d, bytes wrong %d\n", atomic_load(&ran), atomic_load(&wrong));
    return 0;
}
