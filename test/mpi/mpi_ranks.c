/* mpi_ranks.c - the MPI program of the runtime.mpi_task test: every rank
 * prints its rank and the size; rank 0 also prints the sum of all ranks,
 * computed with MPI_Allreduce (so the ranks did talk). */
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, size, sum = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Allreduce(&rank, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    printf("rank %d of %d\n", rank, size);
    if (rank == 0)
        printf("sum %d%s%s\n", sum, argc > 1 ? " " : "", argc > 1 ? argv[1] : "");
    MPI_Finalize();
    return 0;
}
