/* Compiled to an object first, then linked by compile_link.c. */
int prebuilt(void) { return 7; }
