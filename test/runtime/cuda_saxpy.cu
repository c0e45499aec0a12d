// Kernels of test/runtime/cuda_saxpy.c, compiled by nvcc -fatbin at build
// time and embedded in the test. C linkage: the runtime finds kernels by
// their plain names.

// y[i] = a * x[i] + y[i] for i < n.
extern "C" __global__ void saxpy(unsigned long long n, float a, const float *x,
                                 float *y)
{
    unsigned long long i = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x;
    if (i < n)
        y[i] = a * x[i] + y[i];
}

// blk[r * ld + c] = v + r * cols + c for a rows x cols block of a row-major
// matrix of doubles with leading dimension ld; a 2-D ndrange (x: columns,
// y: rows).
extern "C" __global__ void fill_block(double *blk, unsigned long long ld,
                                      unsigned long long rows,
                                      unsigned long long cols, double v)
{
    unsigned long long c = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x;
    unsigned long long r = blockIdx.y * (unsigned long long)blockDim.y + threadIdx.y;
    if (r < rows && c < cols)
        blk[r * ld + c] = v + (double)(r * cols + c);
}
