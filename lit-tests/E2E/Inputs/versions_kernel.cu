// The CUDA version of versions_run.c's kernel (C linkage: the runtime
// finds it by name in the fat binary ssc embeds).
extern "C" __global__ void scale_gpu(int n, float a, float *y)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        y[i] *= a;
}
