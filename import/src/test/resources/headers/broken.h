/* Test input for the importer: a header that does not compile. */
struct broken {
    int a
    int b;
};
