/* Found only through -I: define_include.c */
#define ANSWER_FROM_HEADER 40
