/* rwkv.c - the command-line tool: info, logits, tokenize, generate, chat, perplexity,
   lambada, bench. Everything model-related lives in rwkv.h (and the Pile tokenizer in
   tokenizer.c, linked in); this file only parses options, moves bytes in and out and
   reports.

   Exit codes: 0 ok, 1 runtime error ("rwkv: error: ..."), 2 usage error.
   Portable C99 plus one section ("the operating system") of POSIX / Windows calls, so that it
   also builds with mingw-w64. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* sigaction, isatty, clock_gettime, fileno, readlink */
#endif

#define RWKV_IMPLEMENTATION
#ifndef RWKV_PILE
#define RWKV_PILE /* tokenizer.c is linked in: Pile models, NFC, the JSON reader */
#endif
#include "rwkv.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#else
#include <sys/ioctl.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/statfs.h>
#include <sys/utsname.h>
#endif
#endif

/* ==== reporting and exits =============================================================== */

static const char *cli_command = "rwkv"; /* "rwkv logits" etc., for messages */
static const char *cli_argv0 = "rwkv";   /* to find the bundled model next to the binary */

/* "rwkv: KIND: message" on standard error, after what stdout holds. */
static void report(const char *kind, const char *fmt, va_list ap)
{
    fflush(stdout);
    fprintf(stderr, "rwkv: %s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("error", fmt, ap);
    va_end(ap);
    exit(1);
}

static void die_err(const rwkv_error *err) { die("%s", err->message); }

static void warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("warning", fmt, ap);
    va_end(ap);
}

/* Usage errors exit 2 and point at --help. */
static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", cli_command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", cli_command);
    exit(2);
}

/* ==== the operating system: clocks, terminals, cores, Ctrl-C ============================= */
/* Everything POSIX- or Windows-specific is in this section. */

static double now_seconds(void)
{
#ifdef _WIN32
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart / (double)f.QuadPart;
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
}

/* A seed that differs from run to run: wall clock, a fine clock and the process id. */
static uint64_t clock_seed(void)
{
    uint64_t pid, fine = (uint64_t)(now_seconds() * 1e9);
#ifdef _WIN32
    pid = (uint64_t)GetCurrentProcessId();
#else
    pid = (uint64_t)getpid();
#endif
    return (uint64_t)time(NULL) * 1000000007ull + fine + (pid << 32);
}

static int is_terminal(FILE *f)
{
#ifdef _WIN32
    return _isatty(_fileno(f));
#else
    return isatty(fileno(f));
#endif
}

/* Columns of the terminal on standard error (80 when unknown). */
static int terminal_columns(void)
{
    const char *env = getenv("COLUMNS");
#ifdef _WIN32
    CONSOLE_SCREEN_BUFFER_INFO info;
    if (GetConsoleScreenBufferInfo(GetStdHandle(STD_ERROR_HANDLE), &info))
        return info.srWindow.Right - info.srWindow.Left + 1;
#elif defined(TIOCGWINSZ)
    struct winsize ws;
    if (ioctl(fileno(stderr), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
#endif
    if (env && atoi(env) > 0) return atoi(env);
    return 80;
}

/* Processors this process may run on (0 when unknown). */
static int cores_available(void)
{
#ifdef _WIN32
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return (int)si.dwNumberOfProcessors;
#elif defined(_SC_NPROCESSORS_ONLN)
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 && n < INT_MAX ? (int)n : 0;
#else
    return 0;
#endif
}

#if defined(__linux__) && defined(_OPENMP)
/* The CPUs in a Linux CPU list ("0-3,8,10-11": /proc/self/status's Cpus_allowed_list,
   sysfs's thread_siblings_list) into set (1 each; numbers from n up ignored); the count. */
static int cpu_list(const char *s, unsigned char *set, int n)
{
    int count = 0;
    while (*s >= '0' && *s <= '9') {
        char *end;
        long a = strtol(s, &end, 10), b = a, c;
        s = end;
        if (*s == '-') {
            b = strtol(s + 1, &end, 10);
            s = end;
        }
        for (c = a; c <= b && c < n; c++) {
            count += !set[c];
            set[c] = 1;
        }
        if (*s == ',') s++;
    }
    return count;
}
#endif

/* The thread count when -t is not given: $OMP_NUM_THREADS when set (OpenMP's own setting),
   else one per physical core this process may run on (on Linux: the CPUs of its affinity
   mask, taskset's and cgroup cpusets' included, counting SMT siblings once: a second
   hyperthread shares its core's FMA units and memory bus, so it adds nothing to a
   memory-bound token and little to a prompt), at most MAX_DEFAULT_THREADS; 1 in a build
   without OpenMP. Threads on a machine busy with other work are about as fast as one: the
   library falls back to one thread while the others cannot help (README, Speed). At most 8:
   on a 16-core Sapphire Rapids VM (docs/KERNELS.md, fifty-fourth round), in one run, 16
   threads generated v7 1.5B Q4_0 and 0.1B Q8_0 1.2-1.7x faster than 8, but 1.5B BF16 half
   as fast, and their 512-token prompts of BF16 and 0.1B Q8_0 ran 4-5x slower (a later run
   of 16 threads: 281 and 2066 tokens/s against that run's 380 and 2321 on 8; 1.5B BF16
   generation 52.4 ms, 8 threads' 53.0). A likely cause: every thread waits for the slowest
   at each product's end, and on a shared machine the slowest of 16 is often late. -t 16
   stays for whoever measured it. */
#define MAX_DEFAULT_THREADS 8
static int default_threads(void)
{
#ifdef _OPENMP
    const char *env = getenv("OMP_NUM_THREADS");
    int n = 0;
    if (env && atoi(env) > 0) return atoi(env) < 1024 ? atoi(env) : 1024;
#if defined(__linux__)
    {
        enum { MAX_CPUS = 4096 };
        unsigned char allowed[MAX_CPUS];
        char line[8192];
        FILE *f = fopen("/proc/self/status", "r");
        int cpu, found = 0;
        memset(allowed, 0, sizeof allowed);
        while (f && fgets(line, sizeof line, f))
            if (strncmp(line, "Cpus_allowed_list:", 18) == 0) {
                found = cpu_list(line + 18 + strspn(line + 18, " \t"), allowed, MAX_CPUS) > 0;
                break;
            }
        if (f) fclose(f);
        for (cpu = 0; found && cpu < MAX_CPUS; cpu++) {
            unsigned char sib[MAX_CPUS];
            char path[96];
            int first = cpu, c;
            if (!allowed[cpu]) continue;
            sprintf(path, "/sys/devices/system/cpu/cpu%d/topology/thread_siblings_list", cpu);
            f = fopen(path, "r");
            if (f && fgets(line, sizeof line, f)) {
                memset(sib, 0, sizeof sib);
                cpu_list(line, sib, MAX_CPUS);
                for (c = 0; c < cpu; c++) /* counted once: at its lowest allowed sibling */
                    if (sib[c] && allowed[c]) {
                        first = c;
                        break;
                    }
            }
            if (f) fclose(f);
            n += first == cpu;
        }
    }
#endif
    if (n <= 0) n = cores_available();
    return n < 1 ? 1 : n > MAX_DEFAULT_THREADS ? MAX_DEFAULT_THREADS : n;
#else
    return 1;
#endif
}

/* Bytes of physical memory (0 when unknown). $RWKV_TEST_MEMORY, when set, stands in for
   it: tests/test_cli.py checks the warning it drives on a small model. */
static double memory_bytes(void)
{
    const char *test = getenv("RWKV_TEST_MEMORY");
    if (test && *test) return atof(test);
    {
#ifdef _WIN32
        MEMORYSTATUSEX ms;
        ms.dwLength = sizeof ms;
        return GlobalMemoryStatusEx(&ms) ? (double)ms.ullTotalPhys : 0.0;
#elif defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
        const long n = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
        return n > 0 && page > 0 ? (double)n * (double)page : 0.0;
#else
        return 0.0;
#endif
    }
}

/* The last directory separator of a path, or NULL. */
static const char *last_separator(const char *path)
{
    const char *sep = strrchr(path, '/');
#ifdef _WIN32
    if (strrchr(path, '\\') > sep) sep = strrchr(path, '\\');
#endif
    return sep;
}

static int dir_writable(const char *dir)
{
#ifdef _WIN32
    return _access(dir, 2) == 0;
#else
    return access(dir, W_OK) == 0;
#endif
}

/* Raw bytes in and out on Windows too (no "\r\n" translation; logits -o - is binary), and a
   console that understands the ANSI colors of --color. */
static void setup_stdio(void)
{
#ifdef _WIN32
    HANDLE h = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD mode;
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
    if (GetConsoleMode(h, &mode)) SetConsoleMode(h, mode | 0x0004); /* VT processing */
#endif
}

/* The directory of the running executable, with a trailing separator ("" when unknown). */
static void executable_dir(char *buf, size_t cap)
{
    size_t n = 0;
    char *sep;
#ifdef _WIN32
    DWORD k = GetModuleFileNameA(NULL, buf, (DWORD)cap);
    n = k > 0 && k < cap ? (size_t)k : 0;
#else
    ssize_t k = readlink("/proc/self/exe", buf, cap - 1);
    n = k > 0 ? (size_t)k : 0;
#endif
    if (!n && strlen(cli_argv0) < cap) { /* no /proc: argv[0], when it holds a directory */
        n = strlen(cli_argv0);
        memcpy(buf, cli_argv0, n);
    }
    buf[n] = '\0';
    sep = (char *)last_separator(buf);
    if (sep) sep[1] = '\0';
    else buf[0] = '\0';
}

/* Ctrl-C: the first stops what is running (the command checks cli_interrupts), a second one
   before cli_interrupts is cleared ends the process. */
static volatile sig_atomic_t cli_interrupts = 0;

#ifdef _WIN32
static BOOL WINAPI on_console_ctrl(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT) return FALSE;
    if (cli_interrupts >= 1) return FALSE; /* the default handler ends the process */
    cli_interrupts = 1;
    return TRUE;
}
#else
static void on_sigint(int sig)
{
    (void)sig;
    if (cli_interrupts >= 1) _exit(130);
    cli_interrupts = 1;
}
#endif

/* Installs the handler. A read from a terminal is interrupted by Ctrl-C (EINTR: no
   SA_RESTART), so a command waiting for input sees it. */
static void catch_interrupts(void)
{
#ifdef _WIN32
    SetConsoleCtrlHandler(on_console_ctrl, TRUE);
#else
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
#endif
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory (%zu bytes)", n);
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory (%zu bytes)", n);
    return p;
}

/* ==== output that ends quietly on a closed pipe ========================================== */

/* SIGPIPE is ignored (main), so writing to a closed pipe fails with EPIPE: that is the reader
   going away (`| head`), not an error worth a message. */
static void out_check(void)
{
    if (ferror(stdout)) {
        if (errno == EPIPE) exit(0);
        die("writing standard output: %s", strerror(errno));
    }
}

static void out_write(const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, stdout) != n) out_check();
    out_check();
}

static void out_flush(void)
{
    if (fflush(stdout) != 0) {
        if (errno == EPIPE) exit(0);
        die("writing standard output: %s", strerror(errno));
    }
}

/* ==== strict option values =============================================================== */

static long long parse_int(const char *opt, const char *s, long long lo, long long hi)
{
    char *end;
    long long v;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (end == s || *end != '\0' || errno == ERANGE)
        usage_error("option %s: '%s' is not an integer", opt, s);
    if (v < lo || v > hi)
        usage_error("option %s: %s is out of range [%lld, %lld]", opt, s, lo, hi);
    return v;
}

static double parse_float(const char *opt, const char *s, double lo, double hi)
{
    char *end;
    double v;
    errno = 0;
    v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || v != v)
        usage_error("option %s: '%s' is not a number", opt, s);
    if (v < lo || v > hi) usage_error("option %s: %s is out of range [%g, %g]", opt, s, lo, hi);
    return v;
}

/* -t N: a thread count; more than the cores available is allowed, with a warning. */
static int parse_threads(const char *opt, const char *v)
{
    int n = (int)parse_int(opt, v, 1, 1024), cores = cores_available();
    if (cores > 0 && n > cores)
        warn("%s %d is more than the %d cores available; using %d threads anyway", opt, n, cores,
             n);
    return n;
}

/* Options are walked with a tiny cursor: `--opt value` and `--opt=value` both work. */
typedef struct args {
    int argc, i;
    char **argv;
    const char *inline_value; /* the part after '=' of the current option, or NULL */
    char opt[64];             /* the current option without "=value" */
} args;

/* Returns the next argument (an option or a positional), NULL at the end. */
static const char *args_next(args *a)
{
    const char *s, *eq;
    if (a->i >= a->argc) return NULL;
    s = a->argv[a->i++];
    a->inline_value = NULL;
    if (s[0] == '-' && s[1] == '-' && (eq = strchr(s, '=')) != NULL) {
        size_t n = (size_t)(eq - s);
        if (n >= sizeof a->opt) n = sizeof a->opt - 1;
        memcpy(a->opt, s, n);
        a->opt[n] = '\0';
        a->inline_value = eq + 1;
        return a->opt;
    }
    return s;
}

static const char *args_value(args *a, const char *opt)
{
    if (a->inline_value) return a->inline_value;
    if (a->i >= a->argc) usage_error("option %s needs a value", opt);
    return a->argv[a->i++];
}

static int is_opt(const char *s, const char *short_name, const char *long_name)
{
    return (short_name && strcmp(s, short_name) == 0) || (long_name && strcmp(s, long_name) == 0);
}

static int is_help(const char *s) { return strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0; }

static int is_command_name(const char *s); /* with the table of commands, at the end */

/* Whether s names a model file by its extension (.gguf, any case): what a user who types
   `rwkv info model.gguf` means, and the hint unknown_argument gives. */
static int is_model_file_name(const char *s)
{
    const char *ext = ".gguf";
    size_t n = strlen(s), i;
    if (n <= 5 || s[0] == '-') return 0;
    for (i = 0; i < 5; i++) {
        char c = s[n - 5 + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != ext[i]) return 0;
    }
    return 1;
}

static const char *cli_model_arg; /* the model given as a bare argument, if one was */

static int file_exists(const char *path);

/* A model file given as a positional argument, as if by -m, while no -m came before it: one
   named *.gguf, or in the commands that take no other bare argument (info, logits, chat,
   bench) any file that exists, so that `rwkv info model.pth` says what the file is (and
   `rwkv chat hello` is still an unknown argument). */
static int take_model_positional(const char *s, const char **model_path, int any)
{
    if (*model_path || s[0] == '-' || !(is_model_file_name(s) || (any && file_exists(s))))
        return 0;
    *model_path = cli_model_arg = s;
    return 1;
}

/* The input file of perplexity and lambada given as a positional argument, as if by -f. */
static int take_file_positional(const char *s, const char **file)
{
    if (*file || (s[0] == '-' && s[1] != '\0') || is_model_file_name(s)) return 0;
    *file = s;
    return 1;
}

/* The usage error for an argument no option or positional of the command takes, with a hint
   for the two slips seen most: a command after an option (`rwkv -m M info`), a second model. */
static void unknown_argument(const char *s)
{
    if (is_command_name(s))
        usage_error("unknown argument '%s': the command comes first, as in 'rwkv %s -m MODEL'",
                    s, s);
    if (is_model_file_name(s))
        usage_error("unknown argument '%s': one model only (-m MODEL, or the first .gguf "
                    "argument)", s);
    usage_error("unknown argument '%s'", s);
}

static void print_help(const char *text)
{
    fputs(text, stdout);
    out_flush();
    exit(0);
}

/* ==== files =============================================================================== */

/* Reads a whole file ("-" or NULL = stdin) into a malloc'd buffer. */
static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = (!path || strcmp(path, "-") == 0) ? stdin : fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    if (!f) die("cannot open '%s': %s", path, strerror(errno));
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            cap = cap ? cap * 2 : 65536 * 2;
            buf = (unsigned char *)xrealloc(buf, cap);
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) die("reading '%s': %s", path ? path : "standard input", strerror(errno));
    if (f != stdin) fclose(f);
    buf[n] = '\0'; /* handy for text, not counted */
    *len = n;
    return buf;
}

/* A text input (opt FILE) that is a model file: a slip for -m, refused before reading GBs
   (a file that cannot be read: read_all says what is wrong with it). */
static void refuse_model_as_text(const char *opt, const char *path)
{
    if (path && strcmp(path, "-") != 0 && rwkv__file_head(path, "GGUF") == RWKV__HEAD_MAGIC)
        usage_error("%s '%s' is a model file (GGUF), not text: the model is given with -m", opt,
                    path);
}

/* One line of f into *buf (grown as needed, NUL-terminated, its '\n' kept). Returns the
   length, or -1 at the end of input or on an error (errno: EINTR after a Ctrl-C). */
static long read_line(FILE *f, char **buf, size_t *cap)
{
    size_t n = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        if (n + 2 > *cap) {
            *cap = *cap ? *cap * 2 : 256;
            *buf = (char *)xrealloc(*buf, *cap);
        }
        (*buf)[n++] = (char)c;
        if (c == '\n') break;
    }
    if (n == 0) return -1;
    (*buf)[n] = '\0';
    return (long)n;
}

/* Fails early, before any work, when path cannot be created: its directory is missing or
   not writable. OPT names the option in the message. */
static void check_writable(const char *opt, const char *path)
{
    char dir[4096];
    const char *sep = last_separator(path);
    size_t n;
    n = sep ? (size_t)(sep - path) + 1 : 0;
    if (n >= sizeof dir) return;
    memcpy(dir, path, n);
    strcpy(dir + n, ".");
    if (!dir_writable(dir))
        die("%s '%s': cannot write into directory '%.*s': %s", opt, path, (int)(n ? n : 1),
            n ? path : ".", strerror(errno));
}

/* ==== which model ========================================================================= */

#define BUNDLED_MODEL "kjv-v7.gguf"

static int file_exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f) fclose(f);
    return f != NULL;
}

/* The model to use: -m, else $RWKV_MODEL, else the bundled model next to the executable
   (models/ in the source tree, ../share/rwkv/ after `make install`). *why says which. */
static const char *find_model(const char *flag_path, const char **why)
{
    static char found[4096];
    static const char *const places[2] = {"models/" BUNDLED_MODEL, "../share/rwkv/" BUNDLED_MODEL};
    const char *env = getenv("RWKV_MODEL");
    char dir[3800];
    int i;
    if (flag_path) {
        *why = flag_path == cli_model_arg ? "argument" : "-m";
        return flag_path;
    }
    if (env && *env) {
        *why = "$RWKV_MODEL";
        return env;
    }
    executable_dir(dir, sizeof dir);
    for (i = 0; i < 2; i++) {
        snprintf(found, sizeof found, "%s%s", dir, places[i]);
        if (file_exists(found)) {
            *why = "bundled model next to the executable";
            return found;
        }
    }
    usage_error("no model: give -m MODEL, or set $RWKV_MODEL, or put the bundled model at\n"
                "  %s%s or %s%s (make install does);\n"
                "  models are GGUF files: convert_pth.py converts the official .pth checkpoints "
                "(README.md)", dir, places[0], dir, places[1]);
    return NULL;
}

/* --no-mmap: rwkv_model_open_read instead of rwkv_model_open */
static int cli_no_mmap;
/* open_model warns of a map in small pages (rwkv info prints it instead) */
static int cli_map_note = 1;

/* Whether the kernel reads the file at path back in 2 MiB folios once its cache is dropped,
   as it did on the development VM (Linux 6.18, ext4): the file systems that cache their
   files in large folios, XFS since Linux 5.18 and ext4 since 6.16. Elsewhere (an older
   kernel, another file system, tmpfs, whose pages are the file) not known: 0. */
static int cache_refills_huge(const char *path)
{
#if defined(__linux__)
    struct statfs sf;
    struct utsname u;
    int major = 0, minor = 0;
    if (statfs(path, &sf) != 0 || uname(&u) != 0 || sscanf(u.release, "%d.%d", &major, &minor) != 2)
        return 0;
    if ((unsigned long)sf.f_type == 0x58465342UL) return major > 5 || (major == 5 && minor >= 18);
    if ((unsigned long)sf.f_type == 0xEF53UL) return major > 6 || (major == 6 && minor >= 16);
#else
    (void)path;
#endif
    return 0;
}

/* Whether most of the bytes a token reads come from a map the kernel holds in 4 KiB pages
   (rwkv_model_info.map_huge: the probed share of 2 MiB pages, below a half) and dropping the
   file's cache would help: some of it maps in 2 MiB pages already, or its file system reads
   back in 2 MiB folios (cache_refills_huge). Where neither is known (an older kernel: every
   file in 4 KiB pages) a warning at every run could not be acted on: rwkv info still shows
   the share. */
static int small_pages_to_drop(const rwkv_model_info *info, const char *path)
{
    return info->loaded == RWKV_LOADED_MAP && info->map_huge >= 0.0f && info->map_huge < 0.5f &&
           info->bytes_per_token - info->bytes_packed >= info->bytes_per_token / 2 &&
           (info->map_huge > 0.0f || cache_refills_huge(path));
}

/* Opens the model find_model chooses; *path and *why (when not NULL) say which and why. */
static rwkv_model *open_model(const char *flag_path, int n_threads, const char **path,
                              const char **why)
{
    rwkv_model *model = NULL;
    rwkv_error err;
    const char *w, *p = find_model(flag_path, &w);
    if ((cli_no_mmap ? rwkv_model_open_read : rwkv_model_open)(p, &model, &err) != RWKV_OK) {
        if (strcmp(w, "$RWKV_MODEL") == 0) /* a file the user may not remember naming */
            die("%s (the model $RWKV_MODEL names; -m MODEL overrides it)", err.message);
        die_err(&err);
    }
    rwkv_model_set_threads(model, n_threads > 0 ? n_threads : default_threads());
    if (cli_map_note) {
        rwkv_model_info info;
        const double mem = memory_bytes();
        rwkv_model_get_info(model, &info);
        /* a model that does not fit still runs, from the disk at every token: say why it
           crawls before it does */
        if (mem > 0 && (double)info.bytes_per_token > 0.85 * mem)
            warn("%s: its weights (%.1f GiB read per token) do not fit in this machine's "
                 "memory (%.1f GiB), so every token reads them from the disk: expect seconds "
                 "per token or worse; a quantized copy is 2-4x smaller (rwkv quantize, README: "
                 "Quantization)", p, (double)info.bytes_per_token / 1073741824.0,
                 mem / 1073741824.0);
        if (small_pages_to_drop(&info, p))
            warn("%s is cached in 4 KiB pages (%.0f%% of the pieces probed in 2 MiB pages: a "
                 "file written in small pieces, e.g. just downloaded), from which its weights "
                 "stream slower; on a disk, `dd if=%s iflag=nocache count=0` drops its cache "
                 "once (the next run reads it back in 2 MiB pages); or --no-mmap reads it into "
                 "memory (README: Loading)", p, 100.0 * info.map_huge, p);
    }
    if (path) *path = p;
    if (why) *why = w;
    return model;
}

/* Refuses, before any work, an output path (option opt) that names the model's own file. */
static void check_not_model(const rwkv_model *model, const char *opt, const char *path)
{
    if (path && strcmp(path, "-") != 0 && rwkv_model_is_file(model, path))
        die("%s '%s' is the model file itself; writing it would replace the model: give "
            "another path", opt, path);
}

/* --state-out: also refused before any work when it names a file that is not a state (what
   rwkv_state_save_file would refuse at the end, the run's state lost with it). */
static void check_state_out(const rwkv_model *model, const char *path)
{
    rwkv_error err;
    check_not_model(model, "--state-out", path);
    if (path && rwkv__refuse_foreign(path, "RWKVSTAT", "an rwkv.c state file", &err) != RWKV_OK)
        die("--state-out %s", err.message);
}

static rwkv_state *new_state(const rwkv_model *model)
{
    rwkv_state *state;
    rwkv_error err;
    if (rwkv_state_new(model, &state, &err) != RWKV_OK) die_err(&err);
    return state;
}

/* --state-out: the message names the user's path whatever the library's file names are. */
static void save_state(const rwkv_state *state, const char *path)
{
    rwkv_error err;
    if (rwkv_state_save_file(state, path, &err) != RWKV_OK)
        die("--state-out '%s': %s", path, err.message);
}

/* The tokenizer a model declares in its metadata, as rwkv.c names it. */
static const char *model_tokenizer_name(const rwkv_model *model, char *buf, size_t cap)
{
    size_t len = 0;
    const char *s = rwkv_model_get_meta_string(model, "tokenizer.ggml.model", &len);
    if (!s) return "bytes (no tokenizer.ggml.model: token = byte)";
    if (len == 4 && memcmp(s, "rwkv", 4) == 0) return "world (tokenizer.ggml.model = rwkv)";
    if (len == 4 && memcmp(s, "gpt2", 4) == 0) return "pile (tokenizer.ggml.model = gpt2)";
    snprintf(buf, cap, "unknown (tokenizer.ggml.model = %.*s)", (int)(len > 64 ? 64 : len), s);
    return buf;
}

/* ==== info ================================================================================ */

static const char help_info[] =
    "usage: rwkv info [-m MODEL]\n"
    "\n"
    "Prints the model's architecture (version incl. minor, e.g. 5.2), sizes, vocabulary and\n"
    "tokenizer, tensor counts, bytes and bits per weight of each type (F16, Q4_K...), the\n"
    "weight bytes read per generated token, the file size, where the weights are read from\n"
    "(the file's map, and on Linux how much of its page cache maps in 2 MiB pages: README,\n"
    "Loading), the layout (rwkv.c's, or llama.cpp's rwkv6 / rwkv7), the type of every tensor\n"
    "(blocks folded: blk.*.NAME), and which model file is used and why (-m, argument,\n"
    "$RWKV_MODEL or bundled).\n"
    "\n"
    "  -m, --model MODEL   GGUF model file (see docs/FORMAT.md; default: $RWKV_MODEL, else the\n"
    "                      bundled models/kjv-v7.gguf)\n"
    "  -h, --help          this help\n";

/* The file's layout (ours or llama.cpp's), then every tensor name with the block number
   replaced by '*' (blk.*.time_mix_key.weight), with its type(s). */
static void print_layout_and_types(const rwkv_model *model)
{
    size_t arch_len = 0, i, j, n_groups = 0;
    const char *arch = rwkv_model_get_meta_string(model, "general.architecture", &arch_len);
    int64_t rescale = 0;
    uint64_t k;
    rwkv_model_info info;
    struct group { char name[80]; const char *type; uint64_t count; } *g;
    rwkv_model_get_info(model, &info);
    if (arch && arch_len != 4) {
        printf("%-18s llama.cpp GGUF (general.architecture = %.*s)", "layout:", (int)arch_len,
               arch);
        if (rwkv_model_get_meta_int(model, "rwkv6.rescale_every_n_layers", &rescale) &&
            rescale > 0)
            printf(", rescale_every_n_layers = %lld (undone exactly)", (long long)rescale);
        printf("\n");
    } else {
        printf("%-18s rwkv.c GGUF (docs/FORMAT.md)\n", "layout:");
    }
    g = (struct group *)calloc(info.n_tensors ? (size_t)info.n_tensors : 1, sizeof *g);
    if (!g) die("out of memory");
    for (k = 0; k < info.n_tensors; k++) {
        rwkv_tensor_info t;
        char name[80];
        size_t w = 0, r = 0, len;
        if (!rwkv_model_get_tensor(model, k, &t)) break;
        len = t.name_len < 79 ? t.name_len : 79;
        if (len > 4 && memcmp(t.name, "blk.", 4) == 0) { /* blk.<digits>. -> blk.*. */
            memcpy(name, "blk.*", 5);
            w = 5;
            for (r = 4; r < len && t.name[r] >= '0' && t.name[r] <= '9'; r++) {}
        }
        while (r < len && w < 79) name[w++] = t.name[r++];
        name[w] = '\0';
        for (i = 0; i < n_groups; i++)
            if (strcmp(g[i].name, name) == 0 && strcmp(g[i].type, t.type_name) == 0) break;
        if (i == n_groups) {
            strcpy(g[n_groups].name, name);
            g[n_groups++].type = t.type_name;
        }
        g[i].count++;
    }
    printf("types per tensor:\n");
    for (i = 0; i < n_groups; i++) {
        for (j = 0; j < i; j++) if (strcmp(g[j].name, g[i].name) == 0) break;
        if (j < i) continue; /* printed with its first type */
        printf("  %-40s", g[i].name);
        for (j = i; j < n_groups; j++)
            if (strcmp(g[j].name, g[i].name) == 0)
                printf(" %s x%llu", g[j].type, (unsigned long long)g[j].count);
        printf("\n");
    }
    free(g);
}

/* "v5.2", "v6", "v7a" (v7 with DeepEmbed): info's and bench's name of the version. */
static const char *version_name(const rwkv_model_info *I, char *buf, size_t n)
{
    if (I->version == 5)
        snprintf(buf, n, "v5.%d", I->version_minor);
    else
        snprintf(buf, n, "v%d%s", I->version, I->deep_embed_rank ? "a" : "");
    return buf;
}

static void print_bytes_line(const char *label, uint64_t bytes)
{
    printf("%-18s %llu (%.2f MiB)\n", label, (unsigned long long)bytes,
           (double)bytes / (1024.0 * 1024.0));
}

static int cmd_info(args *a)
{
    const char *model_path = NULL, *why, *s;
    rwkv_model *model;
    rwkv_model_info info;
    char tokbuf[128], vbuf[16];
    size_t name_len = 0;
    const char *name;
    uint64_t all_bytes = 0;
    int t;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_info);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (take_model_positional(s, &model_path, 1)) {}
        else unknown_argument(s);
    }
    cli_map_note = 0; /* printed below */
    model = open_model(model_path, 0, &model_path, &why);
    rwkv_model_get_info(model, &info);
    name = rwkv_model_get_meta_string(model, "general.name", &name_len);

    printf("%-18s %s\n", "file:", model_path);
    printf("%-18s %s\n", "chosen by:", why);
    if (name) printf("%-18s %.*s\n", "name:", (int)(name_len > 200 ? 200 : name_len), name);
    printf("%-18s RWKV %s", "architecture:", version_name(&info, vbuf, sizeof vbuf));
    if (info.deep_embed_rank) printf(" (DeepEmbed channel mix, rank %d)", info.deep_embed_rank);
    printf("\n");
    printf("%-18s %d\n", "layers:", info.n_layer);
    printf("%-18s %d\n", "embedding:", info.n_embd);
    printf("%-18s %d\n", "ffn:", info.n_ffn);
    if (info.head_size > 0)
        printf("%-18s %d heads x head size %d\n", "heads:", info.n_head, info.head_size);
    else
        printf("%-18s none (v4: per-channel WKV)\n", "heads:");
    printf("%-18s %d\n", "vocab:", info.n_vocab);
    printf("%-18s %s\n", "tokenizer:", model_tokenizer_name(model, tokbuf, sizeof tokbuf));
    printf("%-18s %s\n", "tuned state:", info.has_time_state ? "yes (time_state)" : "no");
    printf("%-18s %g\n", "layer norm eps:", (double)info.layer_norm_eps);
    if (info.version >= 5) printf("%-18s %g\n", "group norm eps:", (double)info.group_norm_eps);
    printf("%-18s %llu\n", "tensors:", (unsigned long long)info.n_tensors);
    for (t = 0; t < RWKV_TYPE_COUNT; t++) {
        if (!info.tensors_of_type[t]) continue;
        all_bytes += info.bytes_of_type[t];
        printf("  %-16s %llu tensors, %llu bytes (%.2f MiB), %.2f bits per weight\n",
               rwkv_type_name(t), (unsigned long long)info.tensors_of_type[t],
               (unsigned long long)info.bytes_of_type[t],
               (double)info.bytes_of_type[t] / (1024.0 * 1024.0),
               8.0 * (double)info.bytes_of_type[t] / (double)info.weights_of_type[t]);
    }
    printf("%-18s %llu (%.2f bits per weight)\n", "weights:",
           (unsigned long long)info.n_weights,
           info.n_weights ? 8.0 * (double)all_bytes / (double)info.n_weights : 0.0);
    print_bytes_line("bytes per token:", info.bytes_per_token);
    print_bytes_line("file size:", info.file_size);
    printf("%-18s %s", "weights from:",
           info.loaded == RWKV_LOADED_READ ? "the file, read into memory" : "the file's map");
    if (info.map_huge >= 0.0f)
        printf(" (%.0f%% of the pieces probed in 2 MiB pages%s)", 100.0 * info.map_huge,
               small_pages_to_drop(&info, model_path) ? ": cached in 4 KiB pages, see README: "
                                                       "Loading" : "");
    if (info.bytes_packed)
        printf("; %.2f MiB of matrices copied into the packed layout",
               (double)info.bytes_packed / 1048576.0);
    printf("\n");
    print_layout_and_types(model);
    out_flush();
    rwkv_model_close(model);
    return 0;
}

/* ==== logits ============================================================================== */

static const char help_logits[] =
    "usage: rwkv logits [-m MODEL] --ids IDS -o OUT [--seq] [--state-out FILE] [-t N]\n"
    "\n"
    "Feeds the token ids IDS from a fresh state and writes the logits after every token to\n"
    "OUT: T rows of n_vocab float32, little-endian, row-major (row i = after token i).\n"
    "\n"
    "  -m, --model MODEL    GGUF model file (default: $RWKV_MODEL, else the bundled model)\n"
    "      --ids IDS        comma-separated token ids, e.g. 34,105,110\n"
    "  -o, --output OUT     output file ('-' = standard output)\n"
    "      --seq            one rwkv_eval_seq call over all tokens (all_logits=1) instead of\n"
    "                       one rwkv_eval per token\n"
    "  -t, --threads N      threads for the evaluation (default: one per core)\n"
    "      --no-mmap        read the model into memory, not mapped (README: Loading)\n"
    "      --state-out FILE save the state after the last token (rwkv_state_save_file)\n"
    "  -h, --help           this help\n";

/* "34,105,110" -> ids; every id must be a plain non-negative integer. */
static int *parse_id_list(const char *opt, const char *s, size_t *n_out)
{
    size_t n = 0, cap = 16;
    int *ids = (int *)xmalloc(cap * sizeof *ids);
    const char *p = s;
    if (!*s) usage_error("option %s: empty token list", opt);
    for (;;) {
        char buf[32];
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 0 || len >= sizeof buf) usage_error("option %s: bad token list '%s'", opt, s);
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (n == cap) ids = (int *)xrealloc(ids, (cap *= 2) * sizeof *ids);
        ids[n++] = (int)parse_int(opt, buf, 0, INT_MAX);
        if (!comma) break;
        p = comma + 1;
    }
    *n_out = n;
    return ids;
}

/* float32 little-endian whatever the host order: x[*i..n) into buf, as many as fit; returns
   the bytes written and advances *i. */
static size_t f32le_chunk(const float *x, size_t n, size_t *i, unsigned char buf[4096])
{
    size_t k = 0;
    for (; *i < n && k + 4 <= 4096; (*i)++, k += 4) {
        uint32_t bits;
        memcpy(&bits, &x[*i], 4);
        buf[k] = (unsigned char)bits;
        buf[k + 1] = (unsigned char)(bits >> 8);
        buf[k + 2] = (unsigned char)(bits >> 16);
        buf[k + 3] = (unsigned char)(bits >> 24);
    }
    return k;
}

static void write_f32le(FILE *f, const float *x, size_t n, const char *path)
{
    unsigned char buf[4096];
    size_t i = 0;
    while (i < n) {
        size_t k = f32le_chunk(x, n, &i, buf);
        if (fwrite(buf, 1, k, f) != k) {
            if (f == stdout) out_check();
            die("writing '%s': %s", path, strerror(errno));
        }
    }
}

/* The same into a file written whole (rwkv.h's rwkv__atomic_*: a temporary file renamed over
   path), so that a reader never sees half of it. */
static void save_f32le(const char *path, const float *x, size_t n)
{
    unsigned char buf[4096];
    rwkv__atomic out;
    rwkv_error err;
    size_t i = 0;
    if (rwkv__atomic_open(&out, path, &err) != RWKV_OK) die_err(&err);
    while (i < n) {
        size_t k = f32le_chunk(x, n, &i, buf);
        if (rwkv__atomic_write(&out, buf, k, &err) != RWKV_OK) die_err(&err);
    }
    if (rwkv__atomic_commit(&out, &err) != RWKV_OK) die_err(&err);
}

static int cmd_logits(args *a)
{
    const char *model_path = NULL, *out_path = NULL, *state_out = NULL, *s;
    int *ids = NULL, seq = 0, n_threads = 0, n_vocab;
    size_t n = 0, i;
    rwkv_model *model;
    rwkv_state *state;
    rwkv_error err;
    float *logits;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_logits);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (take_model_positional(s, &model_path, 1)) {}
        else if (is_opt(s, NULL, "--ids")) {
            free(ids);
            ids = parse_id_list(s, args_value(a, s), &n);
        }
        else if (is_opt(s, "-o", "--output")) out_path = args_value(a, s);
        else if (is_opt(s, NULL, "--seq")) seq = 1;
        else if (is_opt(s, "-t", "--threads")) n_threads = parse_threads(s, args_value(a, s));
        else if (is_opt(s, NULL, "--no-mmap")) cli_no_mmap = 1;
        else if (is_opt(s, NULL, "--state-out")) state_out = args_value(a, s);
        else if (is_opt(s, NULL, "--tokens")) usage_error("--tokens is now --ids IDS");
        else unknown_argument(s);
    }
    if (!ids) usage_error("--ids IDS is required");
    if (!out_path) usage_error("-o OUT is required");
    if (state_out) check_writable("--state-out", state_out);

    model = open_model(model_path, n_threads, NULL, NULL);
    check_not_model(model, "-o", out_path);
    check_state_out(model, state_out);
    n_vocab = rwkv_model_get_n_vocab(model);
    for (i = 0; i < n; i++) /* the position in the list, not in one rwkv_eval call */
        if (ids[i] >= n_vocab)
            die("--ids: token %d (position %zu) is outside the vocabulary 0..%d", ids[i], i,
                n_vocab - 1);
    state = new_state(model);
    logits = (float *)xmalloc(n * (size_t)n_vocab * sizeof *logits);
    if (seq) {
        if (rwkv_eval_seq(state, ids, n, logits, 1, &err) != RWKV_OK) die_err(&err);
    } else {
        for (i = 0; i < n; i++)
            if (rwkv_eval(state, ids[i], logits + i * (size_t)n_vocab, &err) != RWKV_OK)
                die_err(&err);
    }
    if (strcmp(out_path, "-") == 0) {
        write_f32le(stdout, logits, n * (size_t)n_vocab, out_path);
        out_flush();
    } else {
        save_f32le(out_path, logits, n * (size_t)n_vocab);
    }
    if (state_out) save_state(state, state_out);

    free(logits);
    free(ids);
    rwkv_state_free(state);
    rwkv_model_close(model);
    return 0;
}

/* ==== tokenizers ========================================================================== */

static rwkv_tokenizer *load_tokenizer(const rwkv_model *model, const char *vocab_path)
{
    rwkv_tokenizer *tok;
    rwkv_error err;
    if (vocab_path) {
        if (rwkv_tokenizer_new_from_file(vocab_path, &tok, &err) != RWKV_OK) die_err(&err);
    } else {
        if (rwkv_tokenizer_new_from_model(model, &tok, &err) != RWKV_OK) die_err(&err);
    }
    return tok;
}

static int *tokenize_or_die(const rwkv_tokenizer *tok, const char *text, size_t len, size_t *n)
{
    int *ids = NULL;
    rwkv_error err;
    if (rwkv_tokenize(tok, text, len, &ids, n, &err) != RWKV_OK) die_err(&err);
    return ids;
}

/* ==== tokenize ============================================================================ */

static const char help_tokenize[] =
    "usage: rwkv tokenize [-m MODEL | --vocab PATH] [--decode] [FILE]\n"
    "\n"
    "Reads FILE (default: standard input) and writes its token ids separated by single spaces,\n"
    "then a newline. The input is taken as raw bytes (no newline is stripped or added).\n"
    "With --decode, reads whitespace-separated ids and writes the raw bytes of the tokens.\n"
    "\n"
    "  -m, --model MODEL   use the tokenizer stored in the model (byte-level when it has none;\n"
    "                      default: $RWKV_MODEL, else the bundled model)\n"
    "      --vocab PATH    rwkv_vocab_v20230424.txt (World) or 20B_tokenizer.json (Pile)\n"
    "      --decode        ids to bytes instead of bytes to ids\n"
    "  -h, --help          this help\n";

static int cmd_tokenize(args *a)
{
    const char *model_path = NULL, *vocab_path = NULL, *file = NULL, *s;
    int decode = 0;
    rwkv_model *model = NULL;
    rwkv_tokenizer *tok;
    unsigned char *data;
    size_t len, i;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_tokenize);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, NULL, "--vocab")) vocab_path = args_value(a, s);
        else if (is_opt(s, NULL, "--decode")) decode = 1;
        else if (s[0] == '-' && s[1] != '\0') usage_error("unknown option '%s'", s);
        else if (!vocab_path && take_model_positional(s, &model_path, 0)) {}
        else if (file) usage_error("only one input file, got '%s' and '%s'", file, s);
        else file = s;
    }
    if (model_path && vocab_path) usage_error("give -m MODEL or --vocab PATH, not both");
    refuse_model_as_text("FILE", file);
    if (!vocab_path) model = open_model(model_path, 0, NULL, NULL);
    tok = load_tokenizer(model, vocab_path);
    data = read_all(file, &len);

    if (!decode) {
        size_t n;
        int *ids = tokenize_or_die(tok, (const char *)data, len, &n);
        char buf[16];
        for (i = 0; i < n; i++) {
            int k = snprintf(buf, sizeof buf, i ? " %d" : "%d", ids[i]);
            out_write(buf, (size_t)k);
        }
        out_write("\n", 1);
        free(ids);
    } else {
        const char *p = (const char *)data, *end = p + len;
        while (p < end) {
            char *stop;
            long v;
            const char *bytes;
            size_t blen;
            while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
            if (p >= end) break;
            errno = 0;
            v = strtol(p, &stop, 10);
            if (stop == p || errno || (stop < end && !strchr(" \t\r\n", *stop)) || v < 0 ||
                v > INT_MAX)
                die("--decode: '%.20s' is not a token id (input byte %zu)", p,
                    (size_t)(p - (const char *)data));
            bytes = rwkv_tokenizer_get_token(tok, (int)v, &blen);
            if (!bytes) die("--decode: token id %ld is not in the vocabulary", v);
            out_write(bytes, blen);
            p = stop;
        }
    }
    out_flush();
    free(data);
    rwkv_tokenizer_free(tok);
    if (model) rwkv_model_close(model);
    return 0;
}

/* ==== streaming text out: UTF-8 safe, stop strings held back ============================ */

typedef struct emitter {
    const rwkv_tokenizer *tok;
    rwkv_utf8_stream utf8;
    const char *const *stops; /* a stop string ends the text; it is not printed ... */
    int n_stops;
    int first_shown;          /* ... except stops[first_shown..] (--reverse-prompt) */
    int escape_ctrl;          /* show C0 control bytes other than \t \n as \xHH (a terminal) */
    char *pending;            /* complete UTF-8 not printed yet: it may start a stop string */
    size_t n_pending, cap;
    int stopped;
    int stop_index;           /* which stop string ended the text */
    size_t printed;           /* bytes written to stdout */
} emitter;

static void emitter_init(emitter *e, const rwkv_tokenizer *tok, const char *const *stops,
                         int n_stops)
{
    memset(e, 0, sizeof *e);
    e->tok = tok;
    e->stops = stops;
    e->n_stops = n_stops;
    e->first_shown = n_stops;
    e->escape_ctrl = is_terminal(stdout);
    rwkv_utf8_stream_init(&e->utf8);
}

/* Room for n more bytes after the pending ones; returns where they go. */
static char *emitter_room(emitter *e, size_t n)
{
    if (e->n_pending + n + 1 > e->cap) {
        e->cap = (e->n_pending + n + 1) * 2;
        e->pending = (char *)xrealloc(e->pending, e->cap);
    }
    return e->pending + e->n_pending;
}

/* Model text to stdout; on a terminal a control byte (ESC...) is shown, not obeyed. */
static void out_model_text(const char *p, size_t n, int escape_ctrl)
{
    size_t i, from = 0;
    char hex[8];
    if (!escape_ctrl) {
        out_write(p, n);
        return;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x20 || c == '\t' || c == '\n') continue;
        out_write(p + from, i - from);
        snprintf(hex, sizeof hex, "\\x%02x", c);
        out_write(hex, 4);
        from = i + 1;
    }
    out_write(p + from, n - from);
}

static void emitter_print(emitter *e, size_t n)
{
    out_model_text(e->pending, n, e->escape_ctrl);
    e->printed += n;
    memmove(e->pending, e->pending + n, e->n_pending - n);
    e->n_pending -= n;
}

/* Prints what is certain not to belong to a stop string; returns 1 when a stop string
   appeared (the text before it is printed, the rest dropped). */
static int emitter_settle(emitter *e)
{
    size_t hold = 0, first = (size_t)-1;
    int k, which = -1;
    for (k = 0; k < e->n_stops; k++) {
        size_t sl = strlen(e->stops[k]), i;
        if (!sl || e->n_pending < sl) goto partial;
        for (i = 0; i + sl <= e->n_pending; i++)
            if (memcmp(e->pending + i, e->stops[k], sl) == 0) {
                if (i < first) { first = i; which = k; }
                break;
            }
    partial:
        /* the longest tail of pending that is a proper prefix of this stop string */
        for (i = sl ? sl - 1 : 0; i > hold; i--)
            if (i <= e->n_pending && memcmp(e->pending + e->n_pending - i, e->stops[k], i) == 0) {
                hold = i;
                break;
            }
    }
    if (first != (size_t)-1) {
        if (which >= e->first_shown) first += strlen(e->stops[which]);
        emitter_print(e, first);
        e->n_pending = 0;
        e->stopped = 1;
        e->stop_index = which;
        return 1;
    }
    emitter_print(e, e->n_pending - hold);
    return 0;
}

static int emitter_push(emitter *e, int token)
{
    size_t tlen = 0;
    char *out;
    if (!rwkv_tokenizer_get_token(e->tok, token, &tlen)) tlen = 0;
    out = emitter_room(e, tlen + 8); /* the UTF-8 stream adds at most 4 held-back bytes */
    e->n_pending += rwkv_utf8_stream_push(&e->utf8, e->tok, token, out, tlen + 8);
    return emitter_settle(e);
}

/* End of the text: whatever is held back is printed (an incomplete UTF-8 tail as is). */
static void emitter_finish(emitter *e)
{
    size_t n = rwkv_utf8_stream_flush(&e->utf8, emitter_room(e, 8), 8);
    if (!e->stopped) {
        e->n_pending += n;
        emitter_print(e, e->n_pending);
    }
    out_flush();
}

static void emitter_free(emitter *e) { free(e->pending); }

/* ==== progress display (stderr, only on a terminal) ====================================== */

typedef struct progress {
    int on;
    int drawn; /* columns of the line last drawn, cleared by progress_done */
    double start, last;
} progress;

static void progress_init(progress *p)
{
    p->on = is_terminal(stderr);
    p->drawn = 0;
    p->start = p->last = now_seconds();
}

/* "[####----] 42.0% 420/1000 tokens, ETA 3s", the bar as wide as the terminal allows (the
   line stays one column short of the width, so it never wraps). */
static void progress_show(progress *p, double done, double total, const char *unit)
{
    double now = now_seconds(), frac, eta;
    int i, w, filled, cols, n;
    char text[128], bar[256];
    if (!p->on || (now - p->last < 0.2 && done < total)) return;
    p->last = now;
    frac = total > 0 ? done / total : 1.0;
    eta = frac > 0 ? (now - p->start) * (1.0 - frac) / frac : 0.0;
    n = snprintf(text, sizeof text, " %5.1f%% %.0f/%.0f %s, ETA %.0fs", frac * 100.0, done, total,
                 unit, eta);
    if (n < 0 || n >= (int)sizeof text) n = (int)strlen(text);
    cols = terminal_columns();
    w = cols - 1 - n - 2;
    if (w > 60) w = 60;
    if (w >= 5) {
        filled = (int)(frac * w);
        bar[0] = '[';
        for (i = 0; i < w; i++) bar[1 + i] = i < filled ? '#' : '-';
        bar[1 + w] = ']';
        bar[2 + w] = '\0';
    } else {
        bar[0] = '\0';
        w = -2;
        if (n > cols - 1) n = cols - 1 > 0 ? cols - 1 : 0; /* a very narrow terminal */
    }
    fprintf(stderr, "\r%s%.*s", bar, n, text);
    /* blank what a longer previous line left */
    if (w + 2 + n < p->drawn) fprintf(stderr, "%*s", p->drawn - (w + 2 + n), "");
    if (w + 2 + n > p->drawn) p->drawn = w + 2 + n;
    fflush(stderr);
}

/* Clears every column drawn, and leaves the cursor at the start of the line. */
static void progress_done(progress *p)
{
    if (p->on && p->drawn) fprintf(stderr, "\r%*s\r", p->drawn, "");
    p->drawn = 0;
}

/* ==== sampling options shared by generate and chat ======================================= */

#define MAX_STOPS 32
#define MAX_BIASES 256

typedef struct gen_opts {
    rwkv_sampler_params sp;
    int seed_given;
    int n_predict;
    int n_threads;
    const char *vocab_path;
    const char *stops[2 * MAX_STOPS]; /* --stop strings, then --reverse-prompt ones */
    int n_stops, n_reverse;
    int bias_id[MAX_BIASES];          /* --logit-bias */
    float bias[MAX_BIASES];
    int n_bias;
} gen_opts;

#define SAMPLING_HELP                                                                          \
    "      --temp T             temperature (default 1.0; 0 = greedy)\n"                        \
    "      --top-p P            nucleus: keep the most probable tokens up to cumulative P,\n"   \
    "                           taken before temperature (default 0.85; 1 = off)\n"             \
    "      --top-k K            keep the K most probable tokens (default 0 = off)\n"            \
    "      --min-p P            drop tokens below P x the top probability (default 0 = off)\n"  \
    "      --presence-penalty X subtract X from the logit of every token already generated\n"   \
    "                           (default 0.2)\n"                                                \
    "      --frequency-penalty X  subtract X x count (default 0.2); space, tab and digit\n"     \
    "                           tokens do not add to their count (ChatRWKV's rule, the\n"       \
    "                           library sampler's default)\n"                                   \
    "      --penalty-decay D    counts are multiplied by D per generated token (default 0.996)\n" \
    "      --logit-bias ID+X    add X to the logit of token ID before sampling (ID-X\n"         \
    "                           subtracts; ID-inf never samples it); repeatable\n"              \
    "      --seed N             random seed (default: from the clock; printed with the stats)\n"

/* Decodes the escapes \n \t \r \\ \" \' \a \b \f \v \e and \xHH in place; returns the new
   length (a \x00 leaves a NUL inside). Unknown escapes stay as written. */
static size_t unescape(char *v)
{
    static const char from[] = "ntr\\\"'abfve", to[] = "\n\t\r\\\"'\a\b\f\v\033";
    char *r = v, *w = v;
    const char *k;
    while (*r) {
        if (r[0] == '\\' && r[1] && (k = strchr(from, r[1])) != NULL) {
            *w++ = to[k - from];
            r += 2;
        } else if (r[0] == '\\' && r[1] == 'x' && strchr("0123456789abcdefABCDEF", r[2]) &&
                   r[2] && strchr("0123456789abcdefABCDEF", r[3]) && r[3]) {
            char hex[3];
            hex[0] = r[2];
            hex[1] = r[3];
            hex[2] = '\0';
            *w++ = (char)strtol(hex, NULL, 16);
            r += 4;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return (size_t)(w - v);
}

/* A --stop or --reverse-prompt value, escapes decoded (in place: argv). */
static const char *stop_arg(const char *opt, char *v)
{
    if (!*v || unescape(v) != strlen(v) || !*v)
        usage_error("option %s: empty string (or a \\x00 in it)", opt);
    return v;
}

/* --logit-bias ID+X, ID-X, ID-inf. */
static void parse_bias(gen_opts *g, const char *opt, const char *v)
{
    char *end;
    long id;
    double x;
    errno = 0;
    id = strtol(v, &end, 10);
    if (end == v || errno || id < 0 || id > INT_MAX || (*end != '+' && *end != '-'))
        usage_error("option %s: '%s' is not ID+BIAS or ID-BIAS (e.g. 15+2.5, 0-inf)", opt, v);
    x = strtod(end, &end);
    if (*end || x != x || x == HUGE_VAL || (x != -HUGE_VAL && (x < -1e4 || x > 1e4)))
        usage_error("option %s: '%s': the bias must be a number in [-1e4, 1e4] or -inf", opt, v);
    if (g->n_bias == MAX_BIASES) usage_error("option %s: at most %d biases", opt, MAX_BIASES);
    g->bias_id[g->n_bias] = (int)id;
    g->bias[g->n_bias++] = (float)x;
}

/* Returns 1 if s was an option that generate and chat share (and consumed its value):
   sampling, -n, -t, --stop, --logit-bias, --vocab. */
static int parse_gen_opt(args *a, const char *s, gen_opts *g)
{
    if (is_opt(s, "-t", "--threads"))
        g->n_threads = parse_threads(s, args_value(a, s));
    else if (is_opt(s, NULL, "--no-mmap"))
        cli_no_mmap = 1;
    else if (is_opt(s, "-n", "--n-predict"))
        g->n_predict = (int)parse_int(s, args_value(a, s), 0, INT_MAX);
    else if (is_opt(s, NULL, "--tokens"))
        usage_error("--tokens is now -n N (--n-predict N)");
    else if (is_opt(s, NULL, "--stop") || is_opt(s, NULL, "--reverse-prompt")) {
        const char *v = stop_arg(s, (char *)args_value(a, s));
        int reverse = strcmp(s, "--reverse-prompt") == 0, k;
        if ((reverse ? g->n_reverse : g->n_stops - g->n_reverse) == MAX_STOPS)
            usage_error("option %s: at most %d strings", s, MAX_STOPS);
        if (reverse) {
            g->stops[g->n_stops++] = v;
            g->n_reverse++;
        } else { /* the --stop strings come first */
            for (k = g->n_stops; k > g->n_stops - g->n_reverse; k--) g->stops[k] = g->stops[k - 1];
            g->stops[g->n_stops++ - g->n_reverse] = v;
        }
    } else if (is_opt(s, NULL, "--logit-bias"))
        parse_bias(g, s, args_value(a, s));
    else if (is_opt(s, NULL, "--vocab"))
        g->vocab_path = args_value(a, s);
    else if (is_opt(s, NULL, "--temp"))
        g->sp.temperature = (float)parse_float(s, args_value(a, s), 0.0, 100.0);
    else if (is_opt(s, NULL, "--top-p"))
        g->sp.top_p = (float)parse_float(s, args_value(a, s), 0.0, 1.0);
    else if (is_opt(s, NULL, "--top-k"))
        g->sp.top_k = (int)parse_int(s, args_value(a, s), 0, INT_MAX);
    else if (is_opt(s, NULL, "--min-p"))
        g->sp.min_p = (float)parse_float(s, args_value(a, s), 0.0, 1.0);
    else if (is_opt(s, NULL, "--presence-penalty"))
        g->sp.presence_penalty = (float)parse_float(s, args_value(a, s), -100.0, 100.0);
    else if (is_opt(s, NULL, "--frequency-penalty"))
        g->sp.frequency_penalty = (float)parse_float(s, args_value(a, s), -100.0, 100.0);
    else if (is_opt(s, NULL, "--penalty-decay"))
        g->sp.penalty_decay = (float)parse_float(s, args_value(a, s), 0.0, 1.0);
    else if (is_opt(s, NULL, "--seed")) {
        const char *v = args_value(a, s);
        char *end;
        unsigned long long x = 0;
        errno = 0;
        if (v[0] == '-' || (x = strtoull(v, &end, 10), end == v || *end || errno == ERANGE))
            usage_error("option %s: '%s' is not an integer in [0, 2^64)", s, v);
        g->sp.seed = (uint64_t)x;
        g->seed_given = 1;
    } else
        return 0;
    return 1;
}

static void gen_opts_init(gen_opts *g, int n_predict)
{
    memset(g, 0, sizeof *g);
    rwkv_sampler_params_default(&g->sp);
    g->n_predict = n_predict;
}

static void gen_opts_seed(gen_opts *g)
{
    if (!g->seed_given) g->sp.seed = clock_seed();
}

static rwkv_sampler *make_sampler(const gen_opts *g, const rwkv_model *model,
                                  const rwkv_tokenizer *tok)
{
    rwkv_sampler *s;
    rwkv_error err;
    int i;
    if (rwkv_sampler_new(&g->sp, rwkv_model_get_n_vocab(model), &s, &err) != RWKV_OK) die_err(&err);
    rwkv_sampler_set_tokenizer(s, tok); /* the library's space/digit rule needs the tokens */
    for (i = 0; i < g->n_bias; i++)
        if (rwkv_sampler_set_bias(s, g->bias_id[i], g->bias[i], &err) != RWKV_OK)
            die("--logit-bias: %s", err.message);
    return s;
}

static int sample_or_die(rwkv_sampler *s, const float *logits)
{
    int t;
    rwkv_error err;
    if (rwkv_sampler_sample(s, logits, &t, &err) != RWKV_OK) die_err(&err);
    return t;
}

static void eval_or_die(rwkv_state *st, int token, float *logits)
{
    rwkv_error err;
    if (rwkv_eval(st, token, logits, &err) != RWKV_OK) die_err(&err);
}

static void eval_seq_or_die(rwkv_state *st, const int *ids, size_t n, float *logits, int all)
{
    rwkv_error err;
    if (n && rwkv_eval_seq(st, ids, n, logits, all, &err) != RWKV_OK) die_err(&err);
}

/* A prompt of more than PROMPT_PIECE tokens goes in pieces of whole blocks (the blocks one
   call would make, so the same bits) with a progress line on a terminal (show: nothing else
   on the line), and, when stoppable, stops early at a Ctrl-C. Returns the tokens fed; the
   logits are those after the last of them only when all were. */
#define PROMPT_PIECE (8 * RWKV_SEQ_BLOCK)
static size_t eval_prompt(rwkv_state *st, const int *ids, size_t n, float *logits, int show,
                          int stoppable)
{
    progress pg;
    size_t off = 0;
    if (n <= PROMPT_PIECE) {
        eval_seq_or_die(st, ids, n, logits, 0);
        return n;
    }
    progress_init(&pg);
    pg.on = pg.on && show;
    while (off < n && !(stoppable && cli_interrupts)) {
        const size_t m = n - off < PROMPT_PIECE ? n - off : PROMPT_PIECE;
        eval_seq_or_die(st, ids + off, m, off + m == n ? logits : NULL, 0);
        off += m;
        progress_show(&pg, (double)off, (double)n, "prompt tokens");
    }
    progress_done(&pg);
    return off;
}

/* A line of input for a command that waits for the user (chat, generate -i); -1 at the end
   of input. A Ctrl-C while waiting says how to leave and waits again (a second one ends the
   process: on_sigint). */
static long read_input_line(char **line, size_t *cap, const char *color)
{
    for (;;) {
        long got;
        sig_atomic_t before = cli_interrupts;
        if (color) out_write(color, strlen(color));
        out_flush();
        errno = 0;
        got = read_line(stdin, line, cap);
        if (color) { out_write("\033[0m", 4); out_flush(); }
        if (got >= 0 || (errno != EINTR && cli_interrupts == before)) return got;
        clearerr(stdin);
        fprintf(stderr, "\n(Ctrl-C again or Ctrl-D to leave)\n");
    }
}

/* ==== generate ============================================================================ */

static const char help_generate[] =
    "usage: rwkv [generate] [-m MODEL] [-p TEXT | -f FILE] [options]\n"
    "\n"
    "Continues a prompt (from -p, -f, or standard input when neither is given), streaming the\n"
    "text as it is generated. Stops after -n tokens, at end-of-text (token 0), at a --stop\n"
    "string (not printed) or at Ctrl-C (a second Ctrl-C ends the process at once). The speed\n"
    "and the model in use go to standard error at the end unless --quiet. An empty prompt\n"
    "starts from end-of-text (token 0), as a new document. On a terminal, control bytes the\n"
    "model writes (ESC...) are shown as \\xHH.\n"
    "With -i, control then returns to you: a line typed (or read from standard input) is fed\n"
    "and generation continues from the kept state; end of input (Ctrl-D) ends.\n"
    "\n"
    "  -m, --model MODEL        GGUF model file (default: $RWKV_MODEL, else the bundled\n"
    "                           models/kjv-v7.gguf found next to the executable)\n"
    "  -p, --prompt TEXT        the prompt\n"
    "  -e, --escape             decode \\n \\t \\r \\\\ \\\" \\' \\xHH in -p TEXT\n"
    "  -f, --file FILE          read the prompt from FILE (raw bytes)\n"
    "  -n, --n-predict N        tokens to generate (default 200; with -i, per turn)\n"
    "  -t, --threads N          threads (default: one per core)\n"
    "      --no-mmap            read the model into memory, not mapped (README: Loading)\n"
    "      --stop STR           stop when STR is generated (repeatable, up to 32; the\n"
    "                           escapes of -e are decoded)\n"
    "  -i, --interactive        after the output, read a line, feed it and continue\n"
    "      --reverse-prompt STR with -i: hand control back when STR is generated (printed;\n"
    "                           repeatable, escapes decoded)\n"
    "      --color              on a terminal: the prompt in yellow, your input in green\n"
    "      --verbose-prompt     print the prompt's token ids and pieces to standard error\n"
    "      --state-in FILE      start from a saved state instead of the model's initial one\n"
    "      --force              load --state-in even if it was saved from another model of\n"
    "                           the same shape (its fingerprint differs)\n"
    "      --state-out FILE     save the state after the prompt and every printed token\n"
    "      --vocab PATH         tokenizer file, for models that do not embed one\n"
    "  -q, --quiet              no statistics on standard error\n"
    SAMPLING_HELP
    "  -h, --help               this help\n";

#define COLOR_PROMPT "\033[33m" /* yellow, as llama-cli */
#define COLOR_INPUT "\033[32m"  /* green */
#define COLOR_RESET "\033[0m"

/* generate's options beyond the shared ones */
typedef struct generate_opts {
    gen_opts g;
    const char *model_path, *prompt, *prompt_file, *state_in, *state_out;
    int quiet, escape, interactive, color, verbose_prompt, force;
} generate_opts;

/* A generate run: the objects, and the statistics for the summary line. */
typedef struct generation {
    const generate_opts *o;
    const char *model_path, *model_why;
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state;
    rwkv_sampler *sampler;
    float *logits;
    int need_state; /* the state reads every printed token (--state-out, -i) */
    size_t n_prompt;
    int n_gen;
    double prompt_secs, gen_secs;
} generation;

static void generate_parse(args *a, generate_opts *o)
{
    const char *s;
    memset(o, 0, sizeof *o);
    gen_opts_init(&o->g, 200);
    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_generate);
        else if (is_opt(s, "-m", "--model")) o->model_path = args_value(a, s);
        else if (take_model_positional(s, &o->model_path, 0)) {}
        else if (is_opt(s, "-p", "--prompt")) o->prompt = args_value(a, s);
        else if (is_opt(s, "-f", "--file")) o->prompt_file = args_value(a, s);
        else if (is_opt(s, "-e", "--escape")) o->escape = 1;
        else if (is_opt(s, "-i", "--interactive")) o->interactive = 1;
        else if (is_opt(s, NULL, "--color")) o->color = 1;
        else if (is_opt(s, NULL, "--verbose-prompt")) o->verbose_prompt = 1;
        else if (is_opt(s, NULL, "--state-in")) o->state_in = args_value(a, s);
        else if (is_opt(s, NULL, "--force")) o->force = 1;
        else if (is_opt(s, NULL, "--state-out")) o->state_out = args_value(a, s);
        else if (is_opt(s, "-q", "--quiet")) o->quiet = 1;
        else if (parse_gen_opt(a, s, &o->g)) {}
        else unknown_argument(s);
    }
    if (o->prompt && o->prompt_file) usage_error("give -p TEXT or -f FILE, not both");
    if (o->g.n_reverse && !o->interactive) usage_error("--reverse-prompt needs -i");
    if (!o->prompt && !o->prompt_file && !o->interactive && is_terminal(stdin))
        usage_error("no prompt: give -p TEXT, -f FILE, or pipe the prompt into stdin");
    if (o->state_out) check_writable("--state-out", o->state_out);
    o->color = o->color && is_terminal(stdout);
    gen_opts_seed(&o->g);
}

/* Text with its bytes shown safely: printable ASCII and UTF-8 as is, the rest escaped. */
static void fput_piece(FILE *f, const char *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\n') fputs("\\n", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c == '\\' || c == '\'') fprintf(f, "\\%c", c);
        else if (c < 0x20 || c == 0x7f) fprintf(f, "\\x%02x", c);
        else fputc(c, f);
    }
}

/* --verbose-prompt: the ids and the text of each token, on standard error. */
static void print_prompt_tokens(const rwkv_tokenizer *tok, const int *ids, size_t n)
{
    size_t i;
    fflush(stdout);
    fprintf(stderr, "prompt: %zu token(s)\n", n);
    for (i = 0; i < n; i++) {
        size_t len = 0;
        const char *p = rwkv_tokenizer_get_token(tok, ids[i], &len);
        fprintf(stderr, "%8d -> '", ids[i]);
        if (p) fput_piece(stderr, p, len);
        fputs("'\n", stderr);
    }
}

static void generation_open(generation *G, const generate_opts *o)
{
    rwkv_error err;
    memset(G, 0, sizeof *G);
    G->o = o;
    G->model = open_model(o->model_path, o->g.n_threads, &G->model_path, &G->model_why);
    check_state_out(G->model, o->state_out);
    G->tok = load_tokenizer(G->model, o->g.vocab_path);
    G->state = new_state(G->model);
    if (o->state_in && rwkv_state_load_file_flags(G->state, o->state_in,
                                                  o->force ? RWKV_STATE_LOAD_FORCE : 0,
                                                  &err) != RWKV_OK)
        die_err(&err);
    G->logits = (float *)xmalloc((size_t)rwkv_model_get_n_vocab(G->model) * sizeof(float));
    G->sampler = make_sampler(&o->g, G->model, G->tok);
    G->need_state = o->state_out || o->interactive;
}

static void generation_close(generation *G)
{
    free(G->logits);
    rwkv_sampler_free(G->sampler);
    rwkv_state_free(G->state);
    rwkv_tokenizer_free(G->tok);
    rwkv_model_close(G->model);
}

/* Feeds text (the prompt, or a line typed with -i); an empty first text feeds end-of-text
   (token 0): a document starts. */
static void generation_feed(generation *G, const char *text, size_t len)
{
    size_t n;
    int *ids = tokenize_or_die(G->tok, text, len, &n);
    double t0;
    if (n == 0 && G->n_prompt == 0 && G->n_gen == 0) {
        if (G->o->state_in)
            usage_error("a prompt is needed to continue from --state-in (the state holds no "
                        "logits)");
        ids = (int *)xrealloc(ids, sizeof *ids);
        ids[0] = 0;
        n = 1;
    }
    if (G->o->verbose_prompt) print_prompt_tokens(G->tok, ids, n);
    t0 = now_seconds();
    n = eval_prompt(G->state, ids, n, G->logits, !G->o->color, 1);
    G->prompt_secs += now_seconds() - t0;
    G->n_prompt += n;
    free(ids);
}

/* Streams up to -n tokens sampled from G->logits. Returns 1 when it was stopped by Ctrl-C. */
static int generation_run(generation *G)
{
    const gen_opts *g = &G->o->g;
    emitter em;
    int i, interrupted = 0;
    double t0 = now_seconds();
    emitter_init(&em, G->tok, g->stops, g->n_stops);
    em.first_shown = g->n_stops - g->n_reverse;
    rwkv_sampler_ban(G->sampler, 0, 1); /* at least one token: no end-of-text first */
    for (i = 0; i < g->n_predict; i++) {
        int stop, last;
        if (cli_interrupts) {
            interrupted = 1;
            break;
        }
        last = sample_or_die(G->sampler, G->logits);
        if (i == 0) rwkv_sampler_ban(G->sampler, 0, 0);
        if (last == 0) break; /* end-of-text */
        rwkv_sampler_accept(G->sampler, last);
        G->n_gen++;
        stop = emitter_push(&em, last);
        out_flush();
        /* the state reads every printed token (so --state-out and -i continue exactly after
           the text), except that the very last one needs no logits when nothing follows */
        if ((stop || i + 1 == g->n_predict) && !G->need_state) break;
        eval_or_die(G->state, last, G->logits);
        if (stop) break;
    }
    rwkv_sampler_ban(G->sampler, 0, 0);
    emitter_finish(&em);
    emitter_free(&em);
    G->gen_secs += now_seconds() - t0;
    return interrupted;
}

/* -i: reads a line and feeds it; returns 0 at the end of input. */
static int generation_take_turn(generation *G, char **line, size_t *cap)
{
    long got;
    got = read_input_line(line, cap, G->o->color ? COLOR_INPUT : NULL);
    if (got < 0) return 0;
    cli_interrupts = 0;
    if (!is_terminal(stdin)) out_write(*line, (size_t)got); /* echo, for a transcript */
    generation_feed(G, *line, (size_t)got);
    return 1;
}

static void generation_summary(const generation *G)
{
    double ps = G->prompt_secs > 0 ? G->prompt_secs : 1e-9;
    fprintf(stderr, "\n[model: %s (%s) | prompt: %zu tokens, %.1f tokens/s | generated: %d "
                    "tokens, %.2f ms/token | %d thread%s | seed %llu]\n",
            G->model_path, G->model_why, G->n_prompt, (double)G->n_prompt / ps, G->n_gen,
            G->n_gen ? G->gen_secs * 1000.0 / G->n_gen : 0.0, rwkv_model_get_threads(G->model),
            rwkv_model_get_threads(G->model) == 1 ? "" : "s", (unsigned long long)G->o->g.sp.seed);
}

static int cmd_generate(args *a)
{
    generate_opts o;
    generation G;
    unsigned char *text = NULL;
    size_t text_len = 0, line_cap = 0;
    char *line = NULL;
    const char *prompt;
    int interrupted;

    generate_parse(a, &o);
    prompt = o.prompt;
    if (prompt) {
        text_len = o.escape ? unescape((char *)prompt) : strlen(prompt);
    } else if (o.prompt_file || !o.interactive) {
        refuse_model_as_text("-f", o.prompt_file);
        text = read_all(o.prompt_file, &text_len);
        prompt = (const char *)text;
    }
    generation_open(&G, &o);
    catch_interrupts();
    if (!prompt) { /* -i without a prompt: the first line typed is the prompt */
        long got = read_input_line(&line, &line_cap, o.color ? COLOR_INPUT : NULL);
        prompt = got > 0 ? line : "";
        text_len = got > 0 ? (size_t)got : 0;
    } else if (o.color) {
        out_write(COLOR_PROMPT, strlen(COLOR_PROMPT));
        out_write(prompt, text_len);
        out_write(COLOR_RESET, strlen(COLOR_RESET));
    }
    generation_feed(&G, prompt, text_len);
    do {
        interrupted = generation_run(&G);
    } while (o.interactive && generation_take_turn(&G, &line, &line_cap));
    if (interrupted && is_terminal(stdout)) out_write("\n", 1);
    out_flush();
    if (interrupted) fprintf(stderr, "[interrupted]\n");
    if (o.state_out) save_state(G.state, o.state_out);
    if (!o.quiet) generation_summary(&G);
    free(line);
    free(text);
    generation_close(&G);
    return 0;
}

/* ==== chat ================================================================================ */

static const char help_chat[] =
    "usage: rwkv chat [-m MODEL] [options]\n"
    "\n"
    "Interactive chat in the World models' format:\n"
    "    [System: SYSTEM\\n\\n]User: MESSAGE\\n\\nAssistant: REPLY\\n\\nUser: ...\n"
    "Each line read from standard input is one message (a terminal or a pipe); end a line\n"
    "with a backslash to continue the message on the next line. The state is\n"
    "kept between turns, so the history is never processed again. A reply ends at a blank\n"
    "line (the turn boundary), at -n tokens or at Ctrl-C (which interrupts the reply, not the\n"
    "chat; a second Ctrl-C ends it). Blank lines inside a message are collapsed so they cannot\n"
    "end the turn early. The format is the World models'; with another vocabulary (byte-level,\n"
    "Pile) a warning says so.\n"
    "Commands: /reset (forget the conversation), /save FILE, /load FILE (the state at a turn\n"
    "boundary), /quit (or end of input).\n"
    "\n"
    "  -m, --model MODEL        GGUF model file (default: $RWKV_MODEL, else the bundled model)\n"
    "      --system TEXT        system prompt, fed once at the start (and after /reset)\n"
    "      --think              reasoning models (RWKV-7 G1): each reply starts with\n"
    "                           \"Assistant: <think\", so the model reasons before it answers\n"
    "                           (ending a message in \" think a bit\" or \" think a lot\" asks\n"
    "                           for less or more, with G1 models of 2025-09-22 or later)\n"
    "      --fake-think         G1 without reasoning: replies start with an empty think\n"
    "                           block, \"Assistant: <think>\\n</think\"\n"
    "  -n, --n-predict N        at most N tokens per reply (default 500)\n"
    "  -t, --threads N          threads (default: one per core)\n"
    "      --no-mmap            read the model into memory, not mapped (README: Loading)\n"
    "      --stop STR           also end a reply at STR (repeatable; escapes \\n \\t \\xHH ...\n"
    "                           decoded)\n"
    "      --vocab PATH         tokenizer file, for models that do not embed one\n"
    SAMPLING_HELP
    "  -h, --help               this help\n";

/* Trims the message and collapses every run of line breaks (with blanks between them) into
   one '\n': "\n\n" marks the end of a turn in this format. In place. */
static size_t normalize_message(char *m, size_t n)
{
    size_t r = 0, w = 0;
    while (n && (m[n - 1] == '\n' || m[n - 1] == '\r' || m[n - 1] == ' ' || m[n - 1] == '\t')) n--;
    while (r < n && (m[r] == ' ' || m[r] == '\t' || m[r] == '\n' || m[r] == '\r')) r++;
    while (r < n) {
        if (m[r] == '\n' || m[r] == '\r') {
            size_t q = r;
            while (q < n && (m[q] == '\n' || m[q] == '\r' || m[q] == ' ' || m[q] == '\t')) q++;
            m[w++] = '\n';
            r = q;
        } else {
            m[w++] = m[r++];
        }
    }
    m[w] = '\0';
    return w;
}

typedef struct chat {
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state, *initial; /* initial: after the system prompt, for /reset */
    rwkv_sampler *sampler;
    float *logits;
    gen_opts g;
    const char *model_path;
    const char *reply_start; /* fed and shown after "Assistant:" in every turn ("" or --think's) */
} chat;

/* The whole text is fed (a Ctrl-C interrupts the reply that follows, not a message); show:
   a long one draws a progress line (the terminal's cursor is at the start of a line). */
static void chat_feed(chat *c, const char *text, size_t len, int show)
{
    size_t n;
    int *ids = tokenize_or_die(c->tok, text, len, &n);
    eval_prompt(c->state, ids, n, c->logits, show, 0);
    free(ids);
}

static void chat_reply(chat *c)
{
    const char *stops[33];
    int i, n_stops = 0, stopped = 0;
    emitter em;
    stops[n_stops++] = "\n\n";
    for (i = 0; i < c->g.n_stops; i++) stops[n_stops++] = c->g.stops[i];
    emitter_init(&em, c->tok, stops, n_stops);
    rwkv_sampler_reset_penalties(c->sampler); /* ChatRWKV counts per reply */
    for (i = 0; i < c->g.n_predict && !cli_interrupts; i++) {
        int t = sample_or_die(c->sampler, c->logits);
        rwkv_sampler_accept(c->sampler, t);
        stopped = emitter_push(&em, t);
        out_flush();
        eval_or_die(c->state, t, c->logits);
        if (stopped) break;
    }
    emitter_finish(&em);
    /* the state has read the blank line only when the model wrote it; after -n, Ctrl-C or
       a --stop string, close the turn so the format stays intact */
    if (!stopped || em.stop_index != 0) chat_feed(c, "\n\n", 2, 0);
    if (cli_interrupts) fprintf(stderr, "\n[interrupted]\n");
    out_write("\n\n", 2);
    out_flush();
    emitter_free(&em);
}

/* Model, tokenizer, states and sampler; the system prompt fed and the state after it kept
   for /reset. */
static void chat_open(chat *c, const char *model_path, const char *system)
{
    rwkv_error err;
    rwkv_tokenizer_kind kind;
    c->model = open_model(model_path, c->g.n_threads, &c->model_path, NULL);
    c->tok = load_tokenizer(c->model, c->g.vocab_path);
    kind = rwkv_tokenizer_get_kind(c->tok);
    if (kind != RWKV_TOKENIZER_WORLD)
        warn("the chat format (User: ... Assistant: ...) is meant for World models; this "
             "model's vocabulary is %s",
             kind == RWKV_TOKENIZER_PILE ? "Pile (GPT-NeoX BPE)" : "byte-level");
    c->state = new_state(c->model);
    c->initial = new_state(c->model);
    c->logits = (float *)xmalloc((size_t)rwkv_model_get_n_vocab(c->model) * sizeof(float));
    c->sampler = make_sampler(&c->g, c->model, c->tok);
    rwkv_sampler_ban(c->sampler, 0, 1); /* a reply ends at the blank line, never at end-of-text */
    if (system) {
        size_t n = strlen(system);
        char *m = (char *)xmalloc(n + 16), *turn;
        int k;
        memcpy(m, system, n + 1);
        n = normalize_message(m, n);
        turn = (char *)xmalloc(n + 16);
        k = snprintf(turn, n + 16, "System: %s\n\n", m);
        chat_feed(c, turn, (size_t)k, 0);
        free(turn);
        free(m);
    }
    if (rwkv_state_copy(c->initial, c->state, &err) != RWKV_OK) die_err(&err);
}

static void chat_close(chat *c)
{
    free(c->logits);
    rwkv_sampler_free(c->sampler);
    rwkv_state_free(c->state);
    rwkv_state_free(c->initial);
    rwkv_tokenizer_free(c->tok);
    rwkv_model_close(c->model);
}

/* One message from stdin into *line: a line, joined with the next while it ends in a
   backslash. Returns its length, or -1 at the end of input. */
static long chat_read_message(char **line, size_t *line_cap)
{
    long got = read_input_line(line, line_cap, NULL);
    while (got > 0) {
        size_t k = (size_t)got;
        char *more = NULL;
        size_t more_cap = 0;
        long m;
        while (k && ((*line)[k - 1] == '\n' || (*line)[k - 1] == '\r')) k--;
        if (!k || (*line)[k - 1] != '\\') break;
        (*line)[k - 1] = '\n';
        m = read_input_line(&more, &more_cap, NULL);
        if (m <= 0) {
            free(more);
            return (long)k;
        }
        if (k + (size_t)m + 1 > *line_cap) {
            *line_cap = k + (size_t)m + 1;
            *line = (char *)xrealloc(*line, *line_cap);
        }
        memcpy(*line + k, more, (size_t)m + 1);
        got = (long)(k + (size_t)m);
        free(more);
    }
    return got;
}

/* A /command line (the command and its argument split in place). Returns 1 for /quit. */
static int chat_command(chat *c, char *line)
{
    rwkv_error err;
    char *arg = strchr(line, ' ');
    if (arg) { *arg++ = '\0'; while (*arg == ' ') arg++; }
    if (strcmp(line, "/quit") == 0 || strcmp(line, "/exit") == 0) return 1;
    if (strcmp(line, "/reset") == 0) {
        if (rwkv_state_copy(c->state, c->initial, &err) != RWKV_OK) die_err(&err);
        fprintf(stderr, "[conversation reset]\n");
    } else if (strcmp(line, "/save") == 0 && arg && *arg) {
        if (rwkv_state_save_file(c->state, arg, &err) != RWKV_OK)
            fprintf(stderr, "rwkv: error: %s\n", err.message);
        else
            fprintf(stderr, "[state saved to %s]\n", arg);
    } else if (strcmp(line, "/load") == 0 && arg && *arg) {
        if (rwkv_state_load_file(c->state, arg, &err) != RWKV_OK)
            fprintf(stderr, "rwkv: error: %s\n", err.message);
        else
            fprintf(stderr, "[state loaded from %s]\n", arg);
    } else {
        fprintf(stderr, "commands: /reset, /save FILE, /load FILE, /quit\n");
    }
    return 0;
}

/* One user turn: the message is fed (echoed when stdin is not a terminal), then the reply. */
static void chat_turn(chat *c, const char *message, size_t n, int tty_in)
{
    const size_t extra = strlen(c->reply_start);
    char *turn = (char *)xmalloc(n + extra + 32);
    int k = snprintf(turn, n + extra + 32, "User: %s\n\nAssistant:%s", message, c->reply_start);
    const size_t user_part = (size_t)k - 10 - extra; /* "User: ...\n\n" */
    chat_feed(c, turn, (size_t)k, tty_in);
    if (!tty_in) out_write(turn, user_part); /* the echo of a piped message */
    else out_write("\n", 1);
    out_write(turn + user_part, (size_t)k - user_part);
    out_flush();
    free(turn);
    chat_reply(c);
}

static int cmd_chat(args *a)
{
    const char *model_path = NULL, *system = NULL, *s;
    chat c;
    int tty_in = is_terminal(stdin);
    char *line = NULL;
    size_t line_cap = 0;

    gen_opts_init(&c.g, 500);
    c.reply_start = "";
    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_chat);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (take_model_positional(s, &model_path, 1)) {}
        else if (is_opt(s, NULL, "--system")) system = args_value(a, s);
        else if (is_opt(s, NULL, "--think") || is_opt(s, NULL, "--fake-think")) {
            const char *start = strcmp(s, "--think") == 0 ? " <think" : " <think>\n</think";
            if (*c.reply_start && strcmp(c.reply_start, start) != 0)
                usage_error("--think and --fake-think exclude each other");
            c.reply_start = start;
        }
        else if (parse_gen_opt(a, s, &c.g)) {}
        else unknown_argument(s);
    }
    if (c.g.n_reverse) usage_error("--reverse-prompt is for generate -i (a reply ends at \\n\\n)");
    if (c.g.n_predict < 1) usage_error("option -n: a reply needs at least 1 token");
    gen_opts_seed(&c.g);
    chat_open(&c, model_path, system);
    catch_interrupts();

    if (tty_in)
        fprintf(stderr, "Chatting with %s. /reset, /save FILE, /load FILE, /quit; Ctrl-C stops a "
                        "reply.\n\n", c.model_path);
    for (;;) {
        long got;
        size_t n;
        if (tty_in) { out_write("User: ", 6); out_flush(); }
        got = chat_read_message(&line, &line_cap);
        if (got < 0) {
            if (tty_in) out_write("\n", 1);
            break;
        }
        cli_interrupts = 0;
        n = normalize_message(line, (size_t)got);
        if (n == 0) continue;
        if (line[0] == '/') {
            if (chat_command(&c, line)) break;
            continue;
        }
        chat_turn(&c, line, n, tty_in);
    }
    free(line);
    chat_close(&c);
    return 0;
}

/* log softmax(logits)[target] in double */
static double log_prob(const float *logits, int V, int target)
{
    double m = -INFINITY, sum = 0.0;
    int i;
    for (i = 0; i < V; i++) if (logits[i] > m) m = logits[i];
    for (i = 0; i < V; i++) sum += exp((double)logits[i] - m);
    return (double)logits[target] - m - log(sum);
}

static int argmax(const float *logits, int V)
{
    int i, best = 0;
    for (i = 1; i < V; i++) if (logits[i] > logits[best]) best = i;
    return best;
}

/* ==== perplexity ========================================================================== */

static const char help_perplexity[] =
    "usage: rwkv perplexity [-m MODEL] [-f] FILE [--ctx N] [-t N]\n"
    "\n"
    "Perplexity of the model on the text in FILE (raw bytes). The text is tokenized, cut into\n"
    "chunks of N tokens (default: one chunk, the whole file) and each chunk is evaluated from\n"
    "a fresh state; every token but the first of a chunk is predicted. Prints the predicted\n"
    "token count, perplexity = exp(mean negative log-likelihood), bits per byte (total NLL in\n"
    "bits over the bytes of the predicted tokens) and tokens/s. A progress bar with ETA goes\n"
    "to standard error when it is a terminal.\n"
    "\n"
    "  -m, --model MODEL   GGUF model file (default: $RWKV_MODEL, else the bundled model)\n"
    "  -f, --file FILE     text file (the -f may be left out)\n"
    "      --ctx N         tokens per chunk (default 0 = the whole file)\n"
    "  -t, --threads N     threads (default: one per core)\n"
    "      --no-mmap       read the model into memory, not mapped (README: Loading)\n"
    "      --vocab PATH    tokenizer file, for models that do not embed one\n"
    "  -h, --help          this help\n";

#define EVAL_BLOCK 128 /* tokens per rwkv_eval_seq call when every row's logits are needed */

static int cmd_perplexity(args *a)
{
    const char *model_path = NULL, *file = NULL, *vocab_path = NULL, *s;
    long long ctx = 0;
    int n_threads = 0, V;
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state;
    unsigned char *text;
    size_t len, n, start, n_pred = 0, n_bytes = 0, n_chunks = 0;
    int *ids;
    float *logits;
    double nll = 0.0, t0, secs;
    progress pg;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_perplexity);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (take_model_positional(s, &model_path, 0)) {}
        else if (is_opt(s, "-f", "--file")) file = args_value(a, s);
        else if (take_file_positional(s, &file)) {}
        else if (is_opt(s, NULL, "--ctx")) ctx = parse_int(s, args_value(a, s), 0, LLONG_MAX);
        else if (is_opt(s, "-t", "--threads")) n_threads = parse_threads(s, args_value(a, s));
        else if (is_opt(s, NULL, "--no-mmap")) cli_no_mmap = 1;
        else if (is_opt(s, NULL, "--vocab")) vocab_path = args_value(a, s);
        else unknown_argument(s);
    }
    if (!file) usage_error("a text file is required: -f FILE, or FILE alone");
    refuse_model_as_text("FILE", file);
    if (ctx == 1) usage_error("option --ctx: 1 token per chunk predicts nothing (use 0 or >= 2)");

    model = open_model(model_path, n_threads, NULL, NULL);
    V = rwkv_model_get_n_vocab(model);
    tok = load_tokenizer(model, vocab_path);
    state = new_state(model);
    text = read_all(file, &len);
    ids = tokenize_or_die(tok, (const char *)text, len, &n);
    if (n < 2) die("'%s' has %zu token(s): at least 2 are needed to predict one", file, n);
    if (ctx == 0 || (unsigned long long)ctx > n) ctx = (long long)n;
    logits = (float *)xmalloc((size_t)EVAL_BLOCK * (size_t)V * sizeof *logits);

    progress_init(&pg);
    t0 = now_seconds();
    for (start = 0; start < n; start += (size_t)ctx) {
        size_t end = start + (size_t)ctx < n ? start + (size_t)ctx : n, off;
        if (end - start < 2) break; /* a lone trailing token predicts nothing */
        rwkv_state_reset(state);
        n_chunks++;
        /* inputs start..end-2 predict targets start+1..end-1 */
        for (off = start; off + 1 < end; off += EVAL_BLOCK) {
            size_t m = end - 1 - off, r;
            if (m > EVAL_BLOCK) m = EVAL_BLOCK;
            eval_seq_or_die(state, ids + off, m, logits, 1);
            for (r = 0; r < m; r++) {
                int target = ids[off + r + 1];
                size_t blen = 0;
                if (target < 0 || target >= V) die("token %d is outside the model's vocabulary", target);
                nll -= log_prob(logits + r * (size_t)V, V, target);
                if (rwkv_tokenizer_get_token(tok, target, &blen)) n_bytes += blen;
                n_pred++;
            }
            progress_show(&pg, (double)(off + m), (double)n, "tokens");
        }
    }
    progress_show(&pg, (double)n, (double)n, "tokens");
    secs = now_seconds() - t0;
    progress_done(&pg);

    printf("tokens:        %zu predicted (%zu in the text, %zu chunk(s))\n", n_pred, n, n_chunks);
    printf("bytes:         %zu\n", n_bytes);
    printf("nll:           %.6f nats per token\n", nll / (double)n_pred);
    printf("perplexity:    %.6f\n", exp(nll / (double)n_pred));
    printf("bits per byte: %.6f\n", n_bytes ? nll / log(2.0) / (double)n_bytes : 0.0);
    printf("speed:         %.1f tokens/s (%.2f s)\n", (double)n / (secs > 0 ? secs : 1e-9), secs);
    out_flush();
    free(logits);
    free(ids);
    free(text);
    rwkv_state_free(state);
    rwkv_tokenizer_free(tok);
    rwkv_model_close(model);
    return 0;
}

/* ==== lambada ============================================================================= */

static const char help_lambada[] =
    "usage: rwkv lambada [-m MODEL] [-f] lambada_test.jsonl [--limit N] [--pad IDS] [-t N]\n"
    "\n"
    "LAMBADA last-word prediction with the protocol of RWKV-LM/ChatRWKV's evaluation: for each\n"
    "passage ({\"text\": ...} per line), context = text up to its last space, target = \" \" +\n"
    "last word, tokenized separately; the model reads PAD + context + target from a fresh\n"
    "state. A passage is correct when greedy argmax reproduces every target token (teacher\n"
    "forcing); perplexity = exp(-mean over passages of the target's total log-probability).\n"
    "\n"
    "  -m, --model MODEL   GGUF model file (default: $RWKV_MODEL, else the bundled model)\n"
    "  -f, --file FILE     lambada_test.jsonl (the -f may be left out)\n"
    "      --limit N       only the first N passages\n"
    "      --pad IDS       comma-separated ids fed before each context, or 'none'\n"
    "                      (default 0, end-of-text, as RWKV-LM; ChatRWKV's Pile runs used 187)\n"
    "  -t, --threads N     threads (default: one per core)\n"
    "      --no-mmap       read the model into memory, not mapped (README: Loading)\n"
    "      --vocab PATH    tokenizer file, for models that do not embed one\n"
    "  -h, --help          this help\n";

/* One passage (LINE of FILE, for messages): context = text up to its last space, target =
   " " + last word; the model reads PAD + context + target from a fresh state. Returns 1 when
   greedy argmax reproduces every target token; adds the target's log-probability to *logp
   and the tokens read to *n_tokens. *logits is a buffer grown as needed. */
static int lambada_passage(rwkv_state *state, int V, const rwkv_tokenizer *tok, const int *pad,
                           size_t n_pad, const char *text, size_t tlen, const char *file,
                           size_t line, float **logits, double *logp, size_t *n_tokens)
{
    const char *sp = NULL;
    size_t n_ctx, n_tgt, i;
    int *ctx_ids, *tgt_ids, *seq, correct = 1;
    double lp = 0.0;
    for (i = tlen; i > 0; i--) if (text[i - 1] == ' ') { sp = text + i - 1; break; }
    if (!sp) die("%s:%zu: the passage has no space to split the last word off", file, line);
    ctx_ids = tokenize_or_die(tok, text, (size_t)(sp - text), &n_ctx);
    tgt_ids = tokenize_or_die(tok, sp, tlen - (size_t)(sp - text), &n_tgt); /* " word" */
    if (n_pad + n_ctx == 0 || n_tgt == 0) die("%s:%zu: empty context or target", file, line);
    /* the model reads pad+ctx (minus its last token) without logits, then the last
       context token and the target (minus its last) with logits for every row */
    seq = (int *)xmalloc((n_pad + n_ctx + n_tgt) * sizeof *seq);
    if (n_pad) memcpy(seq, pad, n_pad * sizeof *seq);
    memcpy(seq + n_pad, ctx_ids, n_ctx * sizeof *seq);
    memcpy(seq + n_pad + n_ctx, tgt_ids, n_tgt * sizeof *seq);
    *logits = (float *)xrealloc(*logits, n_tgt * (size_t)V * sizeof **logits);
    rwkv_state_reset(state);
    eval_seq_or_die(state, seq, n_pad + n_ctx - 1, NULL, 0);
    eval_seq_or_die(state, seq + n_pad + n_ctx - 1, n_tgt, *logits, 1);
    for (i = 0; i < n_tgt; i++) {
        const float *row = *logits + i * (size_t)V;
        if (tgt_ids[i] >= V) die("token %d is outside the model's vocabulary", tgt_ids[i]);
        lp += log_prob(row, V, tgt_ids[i]);
        if (argmax(row, V) != tgt_ids[i]) correct = 0;
    }
    *logp += lp;
    *n_tokens += n_pad + n_ctx + n_tgt - 1;
    free(seq);
    free(ctx_ids);
    free(tgt_ids);
    return correct;
}

static int cmd_lambada(args *a)
{
    const char *model_path = NULL, *file = NULL, *vocab_path = NULL, *s;
    long long limit = LLONG_MAX;
    int n_threads = 0, V, *pad = NULL, default_pad = 0;
    size_t n_pad = 1, len, n_lines = 0, n_done = 0, n_correct = 0, n_tokens = 0, line_no = 0;
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state;
    unsigned char *data;
    const char *p, *end;
    float *logits;
    double sum_logp = 0.0, t0, secs;
    progress pg;
    rwkv_error err;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_lambada);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (take_model_positional(s, &model_path, 0)) {}
        else if (is_opt(s, "-f", "--file")) file = args_value(a, s);
        else if (take_file_positional(s, &file)) {}
        else if (is_opt(s, NULL, "--limit")) limit = parse_int(s, args_value(a, s), 1, LLONG_MAX);
        else if (is_opt(s, NULL, "--pad")) {
            const char *v = args_value(a, s);
            free(pad);
            if (strcmp(v, "none") == 0) { pad = NULL; n_pad = 0; }
            else pad = parse_id_list(s, v, &n_pad);
        }
        else if (is_opt(s, "-t", "--threads")) n_threads = parse_threads(s, args_value(a, s));
        else if (is_opt(s, NULL, "--no-mmap")) cli_no_mmap = 1;
        else if (is_opt(s, NULL, "--vocab")) vocab_path = args_value(a, s);
        else unknown_argument(s);
    }
    if (!file) usage_error("a text file is required: -f FILE, or FILE alone");
    refuse_model_as_text("FILE", file);
    if (!pad && n_pad == 1) pad = &default_pad;

    model = open_model(model_path, n_threads, NULL, NULL);
    V = rwkv_model_get_n_vocab(model);
    tok = load_tokenizer(model, vocab_path);
    state = new_state(model);
    data = read_all(file, &len);
    p = (const char *)data;
    end = p + len;
    {
        const char *q;
        for (q = p; q < end; q++) if (*q == '\n') n_lines++;
        if (len && end[-1] != '\n') n_lines++;
        if ((long long)n_lines > limit) n_lines = (size_t)limit;
    }
    logits = NULL;
    {
        size_t i;
        for (i = 0; i < n_pad; i++)
            if (pad[i] >= V) usage_error("option --pad: id %d is outside the vocabulary", pad[i]);
    }

    progress_init(&pg);
    t0 = now_seconds();
    while (p < end && (long long)n_done < limit) {
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *line = p;
        size_t tlen;
        char *text;
        if (!eol) eol = end;
        p = eol + 1;
        line_no++;
        if (eol == line) continue; /* blank line */
        if (rwkv_json_get_string(line, (size_t)(eol - line), "text", &text, &tlen, &err) != RWKV_OK) {
            const char *why = err.message, *fn = "rwkv_json_get_string: ";
            if (strncmp(why, fn, strlen(fn)) == 0) why += strlen(fn);
            die("%s:%zu: not a line of JSON (%s); lambada reads one {\"text\": \"...\"} object "
                "per line, as LAMBADA's lambada_test.jsonl", file, line_no, why);
        }
        if (!text)
            die("%s:%zu: no \"text\" string member; lambada reads one {\"text\": \"...\"} "
                "object per line", file, line_no);
        n_correct += (size_t)lambada_passage(state, V, tok, pad, n_pad, text, tlen, file, line_no,
                                             &logits, &sum_logp, &n_tokens);
        n_done++;
        free(text);
        progress_show(&pg, (double)n_done, (double)n_lines, "passages");
    }
    secs = now_seconds() - t0;
    progress_done(&pg);
    if (!n_done) die("'%s' holds no passages", file);

    printf("passages:   %zu\n", n_done);
    printf("accuracy:   %.4f (%zu/%zu)\n", (double)n_correct / (double)n_done, n_correct, n_done);
    printf("perplexity: %.4f\n", exp(-sum_logp / (double)n_done));
    printf("speed:      %.1f tokens/s (%zu tokens, %.2f s)\n",
           (double)n_tokens / (secs > 0 ? secs : 1e-9), n_tokens, secs);
    out_flush();
    if (pad != &default_pad) free(pad);
    free(logits);
    free(data);
    rwkv_state_free(state);
    rwkv_tokenizer_free(tok);
    rwkv_model_close(model);
    return 0;
}

/* ==== bench =============================================================================== */

static const char help_bench[] =
    "usage: rwkv bench [-m MODEL] [-t N] [--prompt-tokens N] [--gen-tokens N] [--repeat N]\n"
    "\n"
    "Measures prompt throughput (one rwkv_eval_seq over a block of tokens, tokens/s) and\n"
    "generation latency (rwkv_eval one token at a time with logits, ms/token), and from the\n"
    "weight bytes read per generated token the memory bandwidth that latency implies. Each\n"
    "measurement is the best of --repeat runs. Token ids are a fixed pseudo-random sequence.\n"
    "\n"
    "  -m, --model MODEL      GGUF model file (default: $RWKV_MODEL, else the bundled model)\n"
    "  -t, --threads N        threads (default: one per core)\n"
    "      --no-mmap          read the model into memory, not mapped (README: Loading)\n"
    "      --prompt-tokens N  prompt block (default 512)\n"
    "      --gen-tokens N     generated tokens (default 64)\n"
    "      --repeat N         runs of each measurement (default 3)\n"
    "  -h, --help             this help\n";

static int cmd_bench(args *a)
{
    const char *model_path = NULL, *s;
    int n_threads = 0, n_prompt = 512, n_gen = 64, repeat = 3, r, i, V;
    rwkv_model *model;
    rwkv_model_info info;
    rwkv_state *state;
    int *ids;
    float *logits;
    double best_prompt = 1e300, best_gen = 1e300, ms;
    uint64_t x = 0x2545f4914f6cdd1dull;
    char vbuf[16];
    progress pg;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_bench);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (take_model_positional(s, &model_path, 1)) {}
        else if (is_opt(s, "-t", "--threads")) n_threads = parse_threads(s, args_value(a, s));
        else if (is_opt(s, NULL, "--no-mmap")) cli_no_mmap = 1;
        else if (is_opt(s, NULL, "--prompt-tokens")) n_prompt = (int)parse_int(s, args_value(a, s), 1, 1 << 20);
        else if (is_opt(s, NULL, "--gen-tokens")) n_gen = (int)parse_int(s, args_value(a, s), 1, 1 << 20);
        else if (is_opt(s, NULL, "--repeat")) repeat = (int)parse_int(s, args_value(a, s), 1, 1000);
        else unknown_argument(s);
    }
    model = open_model(model_path, n_threads, &model_path, NULL);
    rwkv_model_get_info(model, &info);
    V = info.n_vocab;
    state = new_state(model);
    ids = (int *)xmalloc((size_t)(n_prompt > n_gen ? n_prompt : n_gen) * sizeof *ids);
    for (i = 0; i < (n_prompt > n_gen ? n_prompt : n_gen); i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        ids[i] = 1 + (int)(x % (uint64_t)(V > 1 ? V - 1 : 1));
    }
    logits = (float *)xmalloc((size_t)V * sizeof *logits);

    progress_init(&pg); /* drawn between the timed parts, never inside them */
    for (r = 0; r < repeat; r++) {
        double t0, t;
        rwkv_state_reset(state);
        t0 = now_seconds();
        eval_seq_or_die(state, ids, (size_t)n_prompt, logits, 0);
        t = now_seconds() - t0;
        if (t < best_prompt) best_prompt = t;
        progress_show(&pg, (double)r * (n_prompt + n_gen) + n_prompt,
                      (double)repeat * (n_prompt + n_gen), "tokens");
        t0 = now_seconds();
        for (i = 0; i < n_gen; i++) eval_or_die(state, ids[i], logits);
        t = now_seconds() - t0;
        if (t < best_gen) best_gen = t;
        progress_show(&pg, (double)(r + 1) * (n_prompt + n_gen),
                      (double)repeat * (n_prompt + n_gen), "tokens");
    }
    progress_done(&pg);
    ms = best_gen * 1000.0 / n_gen;
    printf("model:       %s (RWKV %s, %d layers, n_embd %d, vocab %d)\n", model_path,
           version_name(&info, vbuf, sizeof vbuf), info.n_layer, info.n_embd, info.n_vocab);
    printf("threads:     %d\n", rwkv_model_get_threads(model));
    printf("build:       %s\n", rwkv_build_info());
    printf("prompt:      %.1f tokens/s (%d tokens in %.3f s, best of %d)\n",
           n_prompt / best_prompt, n_prompt, best_prompt, repeat);
    printf("generation:  %.3f ms/token (%.1f tokens/s, %d tokens, best of %d)\n", ms,
           1000.0 / ms, n_gen, repeat);
    printf("weights:     %llu bytes per token (%.1f MiB) -> %.2f GB/s at that speed\n",
           (unsigned long long)info.bytes_per_token, (double)info.bytes_per_token / 1048576.0,
           (double)info.bytes_per_token / (ms * 1e-3) / 1e9);
    out_flush();
    free(ids);
    free(logits);
    rwkv_state_free(state);
    rwkv_model_close(model);
    return 0;
}

/* ==== quantize ============================================================================ */

static const char help_quantize[] =
    "usage: rwkv quantize IN.gguf OUT.gguf TYPE [-t N] [--reference]\n"
    "\n"
    "Writes a copy of the model IN whose matrices (embedding, att/ffn projections, head) are\n"
    "of TYPE; vectors, norms and LoRAs stay as they are. TYPE is a preset (as llama.cpp's):\n"
    "  q8_0, q6_k, q5_1, q5_0, q4_1, q4_0, q5_k, q4_k   that type, the head Q6_K (q8_0: Q8_0)\n"
    "  q5_k_m, q4_k_m   Q5_K / Q4_K; the head, and att.value and ffn.value in the first and\n"
    "                   last eighth of the layers and every third between, Q6_K\n"
    "  f16, bf16, f32   float matrices (f32 also dequantizes a quantized model)\n"
    "Rows that do not fit a type's blocks fall back (Q4_K -> Q5_0, Q5_K -> Q5_1, Q6_K -> Q8_0;\n"
    "rows not a multiple of 32 keep their type); each fallback is listed. The output is\n"
    "written to a temporary file next to OUT.gguf, flushed to disk and renamed at the end.\n"
    "Progress goes to standard error when it is a terminal. A quantized IN is refused (except\n"
    "for f32). docs/QUANT.md has the formats.\n"
    "\n"
    "  -t, --threads N     threads over rows (default: one per core)\n"
    "      --reference     ggml's reference quantizer for every type: the bytes llama-quantize\n"
    "                      writes (no importance matrix), ~30x faster than the default error\n"
    "                      search of Q8_0/Q5_x/Q4_0/Q4_1, with a little more error\n"
    "  -h, --help          this help\n";

typedef struct quantize_progress {
    progress bar;
    int n_fallback;
} quantize_progress;

/* rwkv_quantize_params.cancel: a Ctrl-C stops the writing (the library removes its
   temporary file; a second Ctrl-C ends the process at once and may leave it). */
static int quantize_cancel(void *user)
{
    (void)user;
    return cli_interrupts != 0;
}

static void on_tensor(void *user, uint64_t done, uint64_t total, const char *tensor, int wanted,
                      int written)
{
    quantize_progress *q = (quantize_progress *)user;
    if (wanted != written) {
        if (q->bar.on) fprintf(stderr, "\r%60s\r", "");
        printf("  %-32s %s does not fit its rows of this length: %s\n", tensor,
               rwkv_type_name(wanted), rwkv_type_name(written));
        q->n_fallback++;
    }
    progress_show(&q->bar, (double)done, (double)total, "tensors");
}

static int cmd_quantize(args *a)
{
    const char *pos[3] = {NULL, NULL, NULL}, *s;
    int n_pos = 0, n_threads = 0, reference = 0;
    rwkv_quantize_params params;
    quantize_progress qp;
    rwkv_error err;
    rwkv_model *model;
    rwkv_model_info info;
    uint64_t bytes = 0;
    const char *used, *why;
    int t;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_quantize);
        else if (is_opt(s, "-t", "--threads")) n_threads = parse_threads(s, args_value(a, s));
        else if (!strcmp(s, "--reference")) reference = 1;
        else if (s[0] == '-' && s[1] != '\0') usage_error("unknown option '%s'", s);
        else if (n_pos == 3) usage_error("too many arguments ('%s')", s);
        else pos[n_pos++] = s;
    }
    if (n_pos != 3) usage_error("give IN.gguf OUT.gguf TYPE");
    check_writable("OUT.gguf", pos[1]);
    rwkv_quantize_params_default(&params);
    params.preset = pos[2];
    params.n_threads = n_threads > 0 ? n_threads : default_threads();
    params.reference = reference;
    params.progress = on_tensor;
    params.cancel = quantize_cancel;
    params.user = &qp;
    qp.n_fallback = 0;
    progress_init(&qp.bar);
    catch_interrupts();
    if (rwkv_model_quantize(pos[0], pos[1], &params, &err) != RWKV_OK) {
        progress_done(&qp.bar);
        if (err.code == RWKV_ERR_CANCELLED) {
            fprintf(stderr, "[interrupted: %s not written]\n", pos[1]);
            return 130;
        }
        if (err.code == RWKV_ERR_ARGUMENT && strncmp(err.message, "unknown quantization", 20) == 0)
            usage_error("%s", err.message);
        die_err(&err);
    }
    progress_done(&qp.bar);
    model = open_model(pos[1], 1, &used, &why);
    rwkv_model_get_info(model, &info);
    printf("%s: %s, %d fallback%s\n", pos[1], pos[2], qp.n_fallback,
           qp.n_fallback == 1 ? "" : "s");
    for (t = 0; t < RWKV_TYPE_COUNT; t++) {
        if (!info.tensors_of_type[t]) continue;
        bytes += info.bytes_of_type[t];
        printf("  %-6s %4llu tensors, %.2f bits per weight\n", rwkv_type_name(t),
               (unsigned long long)info.tensors_of_type[t],
               8.0 * (double)info.bytes_of_type[t] / (double)info.weights_of_type[t]);
    }
    printf("  all    %.2f bits per weight, %llu bytes\n",
           8.0 * (double)bytes / (double)info.n_weights, (unsigned long long)info.file_size);
    out_flush();
    rwkv_model_close(model);
    return 0;
}

/* ==== main ================================================================================ */

static const char help_main[] =
    "usage: rwkv [COMMAND] [OPTIONS]\n"
    "\n"
    "RWKV language model inference (v4, v5.0/5.1/5.2, v6, v7, v7a) on the CPU.\n"
    "Without a command, `rwkv -m MODEL -p TEXT` generates text.\n"
    "The model may also be given without -m: `rwkv info MODEL`, `rwkv MODEL.gguf -p TEXT`.\n"
    "Without -m, every command uses $RWKV_MODEL, else the bundled model models/kjv-v7.gguf\n"
    "(next to the executable, or ../share/rwkv/ from it after make install).\n"
    "\n"
    "commands:\n"
    "  generate     continue a prompt (the default command)\n"
    "  chat         interactive chat in the World models' User:/Assistant: format\n"
    "  perplexity   perplexity and bits per byte of a model on a text file\n"
    "  lambada      LAMBADA last-word accuracy and perplexity\n"
    "  bench        prompt throughput, generation latency and implied memory bandwidth\n"
    "  info         architecture, sizes and tensor statistics of a model file\n"
    "  logits       write the logits after each of a list of token ids (float32 file)\n"
    "  tokenize     text to token ids, or ids to text with --decode\n"
    "  quantize     write a copy of a model with quantized matrices (q8_0 ... q4_k_m)\n"
    "\n"
    "`rwkv COMMAND --help` describes a command's options; `rwkv --version` the build (its\n"
    "kernels, threads and compiler). Threads: one per core by default (at most 8), or\n"
    "$OMP_NUM_THREADS; -t N in every command that runs a model.\n"
    "Exit status: 0 success, 1 runtime error, 2 usage error.\n";

/* rwkv --version: what was built, for a bug report */
static int print_version(void)
{
    printf("rwkv.c, built by "
#if defined(__clang__)
           "clang " __clang_version__
#elif defined(__GNUC__)
           "gcc " __VERSION__
#else
           "a C99 compiler"
#endif
           "\n%s\ndefault threads here: %d\n", rwkv_build_info(), default_threads());
    out_check();
    return 0;
}

typedef struct command {
    const char *name;
    int (*run)(args *a);
} command;

static const command commands[] = {
    {"generate", cmd_generate},
    {"chat", cmd_chat},
    {"perplexity", cmd_perplexity},
    {"lambada", cmd_lambada},
    {"bench", cmd_bench},
    {"info", cmd_info},
    {"logits", cmd_logits},
    {"tokenize", cmd_tokenize},
    {"quantize", cmd_quantize},
};

static int is_command_name(const char *s)
{
    size_t c;
    for (c = 0; c < sizeof commands / sizeof commands[0]; c++)
        if (strcmp(s, commands[c].name) == 0) return 1;
    return 0;
}

int main(int argc, char **argv)
{
    static char cmdname[64];
    args a;
    size_t c;

#ifdef SIGPIPE
    signal(SIGPIPE, SIG_IGN); /* a closed pipe shows up as EPIPE: see out_check */
#endif
    setup_stdio();
    if (argc > 0 && argv[0]) cli_argv0 = argv[0];
    a.argc = argc;
    a.argv = argv;
    a.i = 1;
    a.inline_value = NULL;
    if (argc < 2) {
        fputs(help_main, stderr);
        return 2;
    }
    if (is_help(argv[1])) print_help(help_main);
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) return print_version();
    for (c = 0; c < sizeof commands / sizeof commands[0]; c++) {
        if (strcmp(argv[1], commands[c].name) == 0) {
            snprintf(cmdname, sizeof cmdname, "rwkv %s", commands[c].name);
            cli_command = cmdname;
            a.i = 2;
            return commands[c].run(&a);
        }
    }
    /* rwkv -m MODEL -p TEXT, rwkv MODEL.gguf -p TEXT */
    if (argv[1][0] == '-' || is_model_file_name(argv[1])) return cmd_generate(&a);
    usage_error("unknown command '%s'", argv[1]);
    return 2;
}
