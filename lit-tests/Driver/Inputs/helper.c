/* Second source for compile_link.c and ompss_link.c. */
int helper(int x) { return 2 * x; }
