// The kernel of the device(cuda) task saxpy (cuda_*.c): C linkage, so that
// the runtime finds it by the task's name.
extern "C" __global__ void saxpy(int n, float a, const float *x, float *y)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        y[i] += SCALE * a * x[i];
}
