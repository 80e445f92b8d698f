/* bench-requests.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "bench-requests-fill.h"
#include "dpo-dashboard-page.h"
#include "dpo-list-page.h"
#include "dpo-requests-page.h"
#include "dpo-row.h"
#include "dpo-store.h"
#include "dpo-ui.h"
#include "dpo-window.h"

/* The window over a big register (meson test --benchmark; issue 4, "Scale"):
 * 1,000,000 requests and 200,000 people against an empty database.
 *
 *   bench-requests                 runs everything, prints a table, PASS/FAIL
 *   bench-requests --fill DB N M   fills DB with N people and M requests
 *   bench-requests --window DB     one window on DB, in a process of its own
 *                                  so that its peak memory is its own, on the
 *                                  Requests page; prints
 *                                  "frame_ms search_ms... peak_kb counts"
 *   bench-requests --start DB      one window on DB as it opens (the
 *                                  dashboard); prints
 *                                  "frame_ms counted_ms peak_kb"
 *   bench-requests --copy DB       beside build-aux/pg-test-server: DB
 *                                  copied into a new database there; prints
 *                                  its URI
 *   bench-requests --server        beside build-aux/pg-test-server: the
 *                                  same big register in a file and on the
 *                                  server, windows on each in turn (issue
 *                                  13: the Requests page on the server up
 *                                  within 1.5 times the file's)
 *
 * First frame: from opening the database to the first frame drawn (the
 * frame clock's "after-paint"), for the window as it opens (the dashboard,
 * whose counts arrive after that frame: "counted" is when they are shown),
 * and on the Requests page as it opens: the open requests, soonest due
 * first. Search: typing into the empty search field
 * (its typing delay set to 0) until the first frame drawn after the list's
 * model was replaced, with matching rows on screen; three searches as a DPO
 * makes them: the most common surname ("Martin", some 700 people), a member
 * number, a reference; and those of issue 9 ("search that finds"): a name
 * typed without its accent ("lefevre" for Lefèvre), a first and last name
 * in either order, the digits of a member number and of a reference without
 * their prefix, a NIR with and without its spaces. The same searches in
 * People are timed in the core (the list's count and first row: the People
 * page shows that paged model). Peak memory: VmHWM. Targets: the window's first
 * frame as it opens at most 1.1 times the empty one's (issue 8), the
 * Requests page's at most 1.3 times (issue 4: an empty register shows a
 * status page where a big one builds a screenful of rows), every search at
 * most 50 ms, peak memory at most the empty one's plus 60 MB. Each measure
 * is the median of N_RUNS runs (DPO_BENCH_RUNS, up to MAX_RUNS, on a busy
 * machine).
 *
 * Without a display, each window gets an Xvfb of its own. DPO_BENCH_REQUESTS
 * and DPO_BENCH_SUBJECTS scale the register down for a trial run;
 * DPO_BENCH_DEBUG=1 prints the steps of each window. Exit status 1 when a
 * target is missed. */

#define N_REQUESTS     1000000
#define N_SUBJECTS     200000
#define N_RUNS         5
#define MAX_RUNS       21
#define TARGET_START   1.1
#define TARGET_RATIO   1.3
#define TARGET_SEARCH  50.0
#define TARGET_MEMORY  60.0

/* The searches, typed as a DPO would (see search_texts()). */
typedef enum
{
  SEARCH_NAME,
  SEARCH_MEMBER,
  SEARCH_REFERENCE,
  SEARCH_ACCENT,
  SEARCH_WORDS,
  SEARCH_WORDS_SWAPPED,
  SEARCH_MEMBER_DIGITS,
  SEARCH_REFERENCE_DIGITS,
  SEARCH_NIR_SPACED,
  SEARCH_NIR,
  N_SEARCHES
} Search;

static const char * const SEARCH_LABELS[N_SEARCHES] = {
  "search \"" BENCH_SEARCH_NAME "\"", "search member number", "search a reference",
  "search \"lefevre\" (Lefèvre)", "search \"claire martin\"", "search \"martin claire\"",
  "search member number's digits", "search reference's digits", "search NIR with spaces",
  "search NIR without spaces",
};

/* The texts of the searches in @store, from an open request in the middle
 * of the list (the Requests page lists open requests) and its person.
 * Free with g_strfreev. */
static char **
search_texts (DpoStore *store)
{
  DpoRequestFilter open = { .open = TRUE };
  g_autoptr(GListModel) model = dpo_store_list_requests_filtered (store, &open);
  char **texts = g_new0 (char *, N_SEARCHES + 1);

  texts[SEARCH_NAME] = g_strdup (BENCH_SEARCH_NAME);
  texts[SEARCH_ACCENT] = g_strdup ("lefevre");
  texts[SEARCH_WORDS] = g_strdup ("claire martin");
  texts[SEARCH_WORDS_SWAPPED] = g_strdup ("martin claire");
  for (guint i = g_list_model_get_n_items (model) / 2; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DpoRow) row = g_list_model_get_item (model, i);
      DpoRequest *request = dpo_row_get_request (row);
      g_autoptr(DpoSubject) subject = NULL;
      const char *nir;

      if (request->subject_id == NULL)
        continue;
      subject = dpo_store_get_subject (store, request->subject_id, NULL);
      nir = subject->nir;
      texts[SEARCH_MEMBER] = g_strdup (subject->member_number);
      texts[SEARCH_REFERENCE] = g_strdup (request->id);
      texts[SEARCH_MEMBER_DIGITS] = g_strdup (strrchr (subject->member_number, '-') + 1);
      texts[SEARCH_REFERENCE_DIGITS] = g_strdup (strrchr (request->id, '-') + 1);
      texts[SEARCH_NIR_SPACED] = g_strdup_printf ("%.1s %.2s %.2s %.2s %.3s %.3s %.2s", nir, nir + 1,
                                                  nir + 3, nir + 5, nir + 7, nir + 10, nir + 13);
      texts[SEARCH_NIR] = g_strdup (nir);
      break;
    }
  /* An empty register: searches for what is not there. */
  for (guint k = 0; k < N_SEARCHES; k++)
    if (texts[k] == NULL)
      texts[k] = g_strdup (k == SEARCH_REFERENCE ? "R-2025-000001" : "IP-100000");
  return texts;
}

/* Window mode */

typedef enum
{
  PHASE_FIRST_FRAME,
  PHASE_SETTLE,
  PHASE_SEARCH,
  PHASE_DONE,
} Phase;

typedef struct
{
  GMainLoop       *loop;
  DpoWindow       *window;
  DpoRequestsPage *page;
  Phase            phase;
  gint64           start;
  gint64           search_start;
  const char      *expect;          /* text that a matching row shows, or NULL */
  gboolean         model_replaced;
  double           elapsed_ms;
} Run;

static gboolean
find_label_prefix (GtkWidget  *widget,
                   const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label_prefix (child, prefix))
      return TRUE;
  return FALSE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Run           *run)
{
  gint64 now = g_get_monotonic_time ();

  if (run->phase == PHASE_FIRST_FRAME)
    {
      run->elapsed_ms = (now - run->start) / 1000.0;
      run->phase = PHASE_SETTLE;
      g_main_loop_quit (run->loop);
    }
  else if (run->phase == PHASE_SEARCH && run->model_replaced)
    {
      GtkWidget *view = GTK_WIDGET (dpo_list_page_get_column_view (DPO_LIST_PAGE (run->page)));

      GListModel *model = dpo_requests_page_get_model (run->page);
      gboolean found = model != NULL && g_list_model_get_n_items (model) > 0;

      /* Rows found but not bound yet: the next frame. */
      if (found && run->expect != NULL && !find_label_prefix (view, run->expect))
        {
          if (g_getenv ("DPO_BENCH_DEBUG"))
            g_printerr ("frame at %.1f ms: rows not shown yet\n", (now - run->search_start) / 1000.0);
          gtk_widget_queue_draw (GTK_WIDGET (run->window));
          return;
        }
      run->elapsed_ms = (now - run->search_start) / 1000.0;
      run->phase = PHASE_DONE;
      g_main_loop_quit (run->loop);
    }
}

static void
on_window_realize_cb (GtkWidget *widget,
                      Run       *run)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint_cb), run);
}

static void
on_model_notify_cb (GObject    *page,
                    GParamSpec *pspec,
                    Run        *run)
{
  if (run->phase == PHASE_SEARCH)
    {
      if (g_getenv ("DPO_BENCH_DEBUG"))
        g_printerr ("model replaced at %.1f ms\n", (g_get_monotonic_time () - run->search_start) / 1000.0);
      run->model_replaced = TRUE;
      /* The replaced model may keep the same size (an empty database). */
      gtk_widget_queue_draw (GTK_WIDGET (run->window));
    }
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      Run            *run)
{
  if (run->phase == PHASE_SEARCH)
    g_printerr ("search-changed at %.1f ms\n", (g_get_monotonic_time () - run->search_start) / 1000.0);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Lets the window finish what follows its first frame (idle work, the
 * frames after it) before measuring a search. */
static void
settle (Run *run)
{
  g_timeout_add (400, quit_cb, run->loop);
  g_main_loop_run (run->loop);
}

static double
measure_search (Run        *run,
                GtkEditable *entry,
                const char *text,
                const char *expect,
                guint      *n_found)
{
  GListModel *model;

  /* From an empty search field, as when the DPO starts typing (a
   * replacement would first reload the whole register, then search). */
  if (*gtk_editable_get_text (entry) != '\0')
    {
      gtk_editable_set_text (entry, "");
      settle (run);
    }

  run->phase = PHASE_SEARCH;
  run->model_replaced = FALSE;
  run->expect = expect;
  run->search_start = g_get_monotonic_time ();
  gtk_editable_set_text (entry, text);
  g_main_loop_run (run->loop);

  model = dpo_requests_page_get_model (run->page);
  *n_found = model != NULL ? g_list_model_get_n_items (model) : 0;
  settle (run);
  return run->elapsed_ms;
}

static gint64
peak_memory_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
give_up_cb (gpointer data)
{
  g_printerr ("bench-requests: the window did not finish within two minutes\n");
  exit (1);
  return G_SOURCE_REMOVE;
}

static int
run_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = NULL;
  g_auto(GStrv) texts = NULL;
  Run run = { 0 };
  GtkEditable *entry;
  double frame_ms, search_ms[N_SEARCHES];
  guint n_found[N_SEARCHES];
  AdwViewStack *stack;

  run.loop = g_main_loop_new (NULL, FALSE);
  g_timeout_add_seconds (120, give_up_cb, NULL);
  run.start = g_get_monotonic_time ();

  store = dpo_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (g_getenv ("DPO_BENCH_DEBUG"))
    g_printerr ("store open: %.1f ms\n", (g_get_monotonic_time () - run.start) / 1000.0);
  run.window = dpo_window_new (NULL, store);
  if (g_getenv ("DPO_BENCH_DEBUG"))
    g_printerr ("window created: %.1f ms\n", (g_get_monotonic_time () - run.start) / 1000.0);
  /* The Requests page, shown first. */
  stack = ADW_VIEW_STACK (find_type (GTK_WIDGET (run.window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "requests");
  run.page = DPO_REQUESTS_PAGE (adw_view_stack_get_child_by_name (stack, "requests"));

  g_signal_connect (run.window, "realize", G_CALLBACK (on_window_realize_cb), &run);
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1100, 720);
  gtk_window_present (GTK_WINDOW (run.window));
  g_main_loop_run (run.loop);
  frame_ms = run.elapsed_ms;
  settle (&run);

  entry = GTK_EDITABLE (find_type (GTK_WIDGET (run.page), GTK_TYPE_SEARCH_ENTRY));
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  g_signal_connect (run.page, "notify::model", G_CALLBACK (on_model_notify_cb), &run);
  if (g_getenv ("DPO_BENCH_DEBUG"))
    g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &run);

  /* A request from the middle of the register, and its person, to search
   * for them as a DPO would. */
  texts = search_texts (store);
  for (guint k = 0; k < N_SEARCHES; k++)
    {
      /* What a matching row shows: the person's name, the reference, or
       * at least a reference. */
      const char *expect = k == SEARCH_NAME ? "Martin " : k == SEARCH_REFERENCE ? texts[k] : "R-";

      search_ms[k] = measure_search (&run, entry, texts[k], expect, &n_found[k]);
    }

  g_print ("%.1f %" G_GINT64_FORMAT, frame_ms, peak_memory_kb ());
  for (guint k = 0; k < N_SEARCHES; k++)
    g_print (" %.1f %u", search_ms[k], n_found[k]);
  g_print ("\n");

  gtk_window_destroy (GTK_WINDOW (run.window));
  g_main_loop_unref (run.loop);
  return 0;
}

/* The window as it opens: its first frame, then its counts. */
static void
on_counting_notify_cb (GObject    *dashboard,
                       GParamSpec *pspec,
                       Run        *run)
{
  if (!dpo_dashboard_page_get_counting (DPO_DASHBOARD_PAGE (dashboard)))
    g_main_loop_quit (run->loop);
}

static int
run_start (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = NULL;
  Run run = { 0 };
  double frame_ms, counted_ms;
  GtkWidget *dashboard;

  run.loop = g_main_loop_new (NULL, FALSE);
  g_timeout_add_seconds (120, give_up_cb, NULL);
  run.start = g_get_monotonic_time ();

  store = dpo_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  run.window = dpo_window_new (NULL, store);
  dashboard = find_type (GTK_WIDGET (run.window), DPO_TYPE_DASHBOARD_PAGE);
  g_signal_connect (dashboard, "notify::counting", G_CALLBACK (on_counting_notify_cb), &run);

  g_signal_connect (run.window, "realize", G_CALLBACK (on_window_realize_cb), &run);
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1100, 720);
  gtk_window_present (GTK_WINDOW (run.window));
  g_main_loop_run (run.loop);
  frame_ms = run.elapsed_ms;

  /* An empty database has nothing to count. */
  if (dpo_dashboard_page_get_counting (DPO_DASHBOARD_PAGE (dashboard)))
    g_main_loop_run (run.loop);
  counted_ms = (g_get_monotonic_time () - run.start) / 1000.0;
  settle (&run);

  g_print ("%.1f %.1f %" G_GINT64_FORMAT "\n", frame_ms, counted_ms, peak_memory_kb ());

  gtk_window_destroy (GTK_WINDOW (run.window));
  g_main_loop_unref (run.loop);
  return 0;
}

/* Orchestration */

typedef struct
{
  double frame_ms, peak_mb;
  double search_ms[N_SEARCHES];
  guint  n_found[N_SEARCHES];
  double start_frame_ms, counted_ms, start_peak_mb;   /* the window as it opens */
} Result;

static char *self_path;

static gboolean
spawn_self (const char * const *args,
            char              **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, self_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-requests: %s %s: %s\n", args[0], args[1], error->message);
      return FALSE;
    }
  return TRUE;
}

static GSubprocess *start_display (void);
static gboolean own_display;

/* Runs `bench-requests MODE PATH` on a display of its own; its output in
 * @out. */
static gboolean
measure_one (const char  *mode,
             const char  *path,
             char       **out)
{
  const char * const args[] = { mode, path, NULL };
  g_autoptr(GSubprocess) xvfb = NULL;
  gboolean ok;

  /* A display of our own for each window, started afresh: nothing left
   * from the run before, and nothing another program did to a shared one. */
  if (own_display)
    {
      g_unsetenv ("DISPLAY");
      xvfb = start_display ();
    }
  ok = spawn_self (args, out);
  if (xvfb != NULL)
    {
      /* Terminated, not killed: Xvfb then removes its lock and socket. */
      g_subprocess_send_signal (xvfb, SIGTERM);
      g_subprocess_wait (xvfb, NULL, NULL);
    }
  return ok;
}

static gboolean
measure (const char *path,
         Result     *result)
{
  g_autofree char *out = NULL;
  g_autofree char *start_out = NULL;
  gint64 peak_kb = 0, start_peak_kb = 0;
  const char *p;
  int used = 0;

  if (!measure_one ("--start", path, &start_out) ||
      sscanf (start_out, "%lf %lf %" G_GINT64_FORMAT, &result->start_frame_ms,
              &result->counted_ms, &start_peak_kb) != 3 ||
      !measure_one ("--window", path, &out) ||
      sscanf (out, "%lf %" G_GINT64_FORMAT "%n", &result->frame_ms, &peak_kb, &used) != 2)
    return FALSE;
  p = out + used;
  for (guint k = 0; k < N_SEARCHES; k++, p += used)
    if (sscanf (p, " %lf %u%n", &result->search_ms[k], &result->n_found[k], &used) != 2)
      return FALSE;
  result->peak_mb = peak_kb / 1024.0;
  result->start_peak_mb = start_peak_kb / 1024.0;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of each measure over the runs. */
static void
median (Result *runs,
        guint   n,
        Result *out)
{
  double values[MAX_RUNS];
  gsize offsets[5 + N_SEARCHES] = { G_STRUCT_OFFSET (Result, frame_ms), G_STRUCT_OFFSET (Result, peak_mb),
                                    G_STRUCT_OFFSET (Result, start_frame_ms),
                                    G_STRUCT_OFFSET (Result, counted_ms),
                                    G_STRUCT_OFFSET (Result, start_peak_mb) };

  for (guint k = 0; k < N_SEARCHES; k++)
    offsets[5 + k] = G_STRUCT_OFFSET (Result, search_ms) + k * sizeof (double);
  *out = runs[0];
  for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
    {
      for (guint i = 0; i < n; i++)
        values[i] = G_STRUCT_MEMBER (double, &runs[i], offsets[k]);
      qsort (values, n, sizeof (double), compare_doubles);
      G_STRUCT_MEMBER (double, out, offsets[k]) = values[n / 2];
    }
}

/* The median of big / empty over runs made side by side: a busy machine
 * slows both of a pair alike, so this ratio moves less than the medians'. */
static double
paired_ratio (Result *empty,
              Result *big,
              guint   n,
              gsize   offset)
{
  double ratios[MAX_RUNS];

  for (guint i = 0; i < n; i++)
    ratios[i] = G_STRUCT_MEMBER (double, &big[i], offset) / G_STRUCT_MEMBER (double, &empty[i], offset);
  qsort (ratios, n, sizeof (double), compare_doubles);
  return ratios[n / 2];
}

static guint
env_count (const char *name,
           guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 value = fallback;

  if (text != NULL)
    g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL);
  return value;
}

/* Starts Xvfb on display @number; FALSE if it does not come up (a display
 * taken, a stale socket). */
static GSubprocess *
spawn_xvfb (guint number)
{
  g_autofree char *display = g_strdup_printf (":%u", number);
  const char *argv[] = { "Xvfb", display, "-displayfd", "3", "-screen", "0", "1400x900x24",
                         "-nolisten", "tcp", NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) xvfb = NULL;
  g_autoptr(GError) error = NULL;
  char ready[16] = { 0 };
  int fds[2];
  ssize_t n;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &error))
    g_error ("%s", error->message);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  xvfb = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_clear_object (&launcher);   /* closes our copy of the write end */
  if (xvfb == NULL)
    g_error ("No display, and cannot start Xvfb: %s", error->message);

  /* Xvfb writes the display number and a newline once it accepts
   * connections, or exits. Read to the newline: closing the pipe before
   * Xvfb is done writing would kill it (SIGPIPE). */
  n = 0;
  while (n < (ssize_t) sizeof ready - 1 && strchr (ready, '\n') == NULL)
    {
      ssize_t got = read (fds[0], ready + n, sizeof ready - 1 - n);

      if (got <= 0)
        break;
      n += got;
    }
  close (fds[0]);
  if (strchr (ready, '\n') == NULL)
    {
      g_subprocess_force_exit (xvfb);
      return NULL;
    }
  return g_steal_pointer (&xvfb);
}

/* Without a display, an Xvfb of our own for the windows, on a display
 * number with neither a lock nor a socket left. */
static GSubprocess *
start_display (void)
{
  for (guint number = 140; number < 400; number++)
    {
      g_autofree char *lock = g_strdup_printf ("/tmp/.X%u-lock", number);
      g_autofree char *socket = g_strdup_printf ("/tmp/.X11-unix/X%u", number);
      GSubprocess *xvfb;

      if (g_file_test (lock, G_FILE_TEST_EXISTS) || g_file_test (socket, G_FILE_TEST_EXISTS) ||
          (xvfb = spawn_xvfb (number)) == NULL)
        continue;
      g_setenv ("DISPLAY", g_strdup_printf (":%u", number), TRUE);
      /* No session bus either: fail fast rather than autolaunch one. */
      if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
        g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/dpo-bench", TRUE);
      return xvfb;
    }
  g_error ("No display, and no free display number for Xvfb");
}

/* The searches in People, in the core: the paged model the page shows, its
 * count and first row; the median of @n_runs. Returns the texts searched. */
static char **
measure_people (const char *path,
                guint       n_runs,
                double     *ms,
                guint      *n_found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (path, &error);
  char **texts;

  g_assert_no_error (error);
  texts = search_texts (store);
  for (guint k = 0; k < N_SEARCHES; k++)
    {
      double runs[MAX_RUNS];

      for (guint i = 0; i < n_runs; i++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GListModel) list = dpo_store_list_subjects (store, texts[k]);
          g_autoptr(GObject) first = NULL;

          n_found[k] = g_list_model_get_n_items (list);
          first = g_list_model_get_item (list, 0);
          runs[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      qsort (runs, n_runs, sizeof (double), compare_doubles);
      ms[k] = runs[n_runs / 2];
    }
  return texts;
}

static const char *
verdict (gboolean pass)
{
  return pass ? "PASS" : "FAIL";
}

static int
run_all (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-bench-req-XXXXXX", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.sqlite", NULL);
  g_autofree char *n_subjects = g_strdup_printf ("%u", env_count ("DPO_BENCH_SUBJECTS", N_SUBJECTS));
  g_autofree char *n_requests = g_strdup_printf ("%u", env_count ("DPO_BENCH_REQUESTS", N_REQUESTS));
  const char * const fill_args[] = { "--fill", big_path, n_subjects, n_requests, NULL };
  guint n_runs = MIN (env_count ("DPO_BENCH_RUNS", N_RUNS), MAX_RUNS);
  Result empty_runs[MAX_RUNS], big_runs[MAX_RUNS], empty, big, warm_up;
  g_autoptr(GError) error = NULL;
  gboolean frame_ok, start_ok, search_ok, memory_ok;
  double search_max, people[N_SEARCHES];
  guint n_people[N_SEARCHES];
  g_auto(GStrv) big_texts = NULL;
  gint64 start;

  own_display = g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL;

  {
    g_autoptr(DpoStore) store = dpo_store_open (empty_path, &error);

    g_assert_no_error (error);
  }

  start = g_get_monotonic_time ();
  if (!spawn_self (fill_args, NULL))
    return 1;
  g_print ("Filled %s with %s people and %s requests in %.1f s\n", big_path, n_subjects,
           n_requests, (g_get_monotonic_time () - start) / 1e6);

  /* Warm the page cache with GTK's own files, then alternate. */
  if (!measure (empty_path, &warm_up))
    return 1;
  for (guint i = 0; i < n_runs; i++)
    if (!measure (empty_path, &empty_runs[i]) || !measure (big_path, &big_runs[i]))
      return 1;
  median (empty_runs, n_runs, &empty);
  median (big_runs, n_runs, &big);
  big_texts = measure_people (big_path, n_runs, people, n_people);

  search_max = 0;
  for (guint k = 0; k < N_SEARCHES; k++)
    search_max = MAX (search_max, big.search_ms[k]);
  for (guint k = 0; k < N_SEARCHES; k++)
    search_max = MAX (search_max, people[k]);
  frame_ok = big.frame_ms <= TARGET_RATIO * empty.frame_ms;
  start_ok = big.start_frame_ms <= TARGET_START * empty.start_frame_ms;
  search_ok = search_max <= TARGET_SEARCH;
  memory_ok = big.peak_mb <= empty.peak_mb + TARGET_MEMORY &&
              big.start_peak_mb <= empty.start_peak_mb + TARGET_MEMORY;

  g_print ("\nMedian of %u runs, each in a new process (GSK_RENDERER=%s)\n", n_runs,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("%-34s %12s %14s   %-22s %s\n", "", "empty", "big", "target", "result");
  g_print ("%-34s %12.1f %14.1f   %-22s %s (%.2f x)\n", "first frame, window opening (ms)",
           empty.start_frame_ms, big.start_frame_ms, "<= 1.1 x empty", verdict (start_ok),
           big.start_frame_ms / empty.start_frame_ms);
  g_print ("%-34s %12.1f %14.1f   %-22s %s\n", "dashboard counts shown (ms)",
           empty.counted_ms, big.counted_ms, "after the first frame",
           big.counted_ms >= big.start_frame_ms ? "yes" : "NO");
  g_print ("%-34s %12.1f %14.1f   %-22s %s (+%.1f MB)\n", "peak memory, opening (MB)",
           empty.start_peak_mb, big.start_peak_mb, "<= empty + 60 MB",
           verdict (big.start_peak_mb <= empty.start_peak_mb + TARGET_MEMORY),
           big.start_peak_mb - empty.start_peak_mb);
  g_print ("%-34s %12.1f %14.1f   %-22s %s (%.2f x)\n", "first frame, open requests (ms)",
           empty.frame_ms, big.frame_ms, "<= 1.3 x empty", verdict (frame_ok),
           big.frame_ms / empty.frame_ms);
  for (guint k = 0; k < N_SEARCHES; k++)
    {
      g_autofree char *label = g_strdup_printf ("%s (ms)", SEARCH_LABELS[k]);

      g_print ("%-34s %12.1f %14.1f   %-22s %s (%u requests: \"%s\")\n", label, empty.search_ms[k],
               big.search_ms[k], "<= 50 ms", verdict (big.search_ms[k] <= TARGET_SEARCH),
               big.n_found[k], big_texts[k]);
    }
  for (guint k = 0; k < N_SEARCHES; k++)
    {
      g_autofree char *label = g_strdup_printf ("People: %s (ms)", SEARCH_LABELS[k] + strlen ("search "));

      g_print ("%-34s %12s %14.1f   %-22s %s (%u people)\n", label, "", people[k], "<= 50 ms (core)",
               verdict (people[k] <= TARGET_SEARCH), n_people[k]);
    }
  g_print ("%-34s %12.1f %14.1f   %-22s %s (+%.1f MB)\n", "peak memory, requests (MB)",
           empty.peak_mb, big.peak_mb, "<= empty + 60 MB",
           verdict (big.peak_mb <= empty.peak_mb + TARGET_MEMORY),
           big.peak_mb - empty.peak_mb);
  g_print ("%-34s %12s %14.2f x (window opening), %.2f x (open requests)\n",
           "median of paired ratios", "",
           paired_ratio (empty_runs, big_runs, n_runs, G_STRUCT_OFFSET (Result, start_frame_ms)),
           paired_ratio (empty_runs, big_runs, n_runs, G_STRUCT_OFFSET (Result, frame_ms)));
  g_print ("\n%s\n", frame_ok && start_ok && search_ok && memory_ok ? "PASS" : "FAIL");

  g_unlink (empty_path);
  g_unlink (big_path);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strdup_printf ("%s%s", i == 0 ? empty_path : big_path, "-wal");
      g_autofree char *shm = g_strdup_printf ("%s%s", i == 0 ? empty_path : big_path, "-shm");

      g_unlink (side);
      g_unlink (shm);
    }
  g_rmdir (dir);

  return frame_ok && start_ok && search_ok && memory_ok ? 0 : 1;
}

/* The same register in a file and on the server (a copy of the file's
 * rows), the same windows on each, in pairs: the first frame of the
 * Requests page on the server within TARGET_SERVER times the file's. */
#define TARGET_SERVER  1.5

static int
run_server (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-bench-req-pg-XXXXXX", NULL);
  g_autofree char *file_path = g_build_filename (dir, "big.sqlite", NULL);
  g_autofree char *n_subjects = g_strdup_printf ("%u", env_count ("DPO_BENCH_SUBJECTS", N_SUBJECTS));
  g_autofree char *n_requests = g_strdup_printf ("%u", env_count ("DPO_BENCH_REQUESTS", N_REQUESTS));
  const char * const fill_args[] = { "--fill", file_path, n_subjects, n_requests, NULL };
  guint n_runs = MIN (env_count ("DPO_BENCH_RUNS", N_RUNS), MAX_RUNS);
  Result file_runs[MAX_RUNS], server_runs[MAX_RUNS], file, server, warm_up;
  g_autofree char *uri = NULL;
  double ratio, start_ratio;
  gboolean ok;
  gint64 start;

  if (g_getenv ("DPO_TEST_PG_URI") == NULL)
    {
      g_print ("SKIP: no test server (run beside build-aux/pg-test-server)%s%s\n",
               g_getenv ("DPO_TEST_PG_MISSING") != NULL ? ": " : "",
               g_getenv ("DPO_TEST_PG_MISSING") != NULL ? g_getenv ("DPO_TEST_PG_MISSING") : "");
      return 77;
    }
  own_display = g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL;

  start = g_get_monotonic_time ();
  if (!spawn_self (fill_args, NULL))
    return 1;
  g_print ("Filled %s with %s people and %s requests in %.1f s\n", file_path, n_subjects,
           n_requests, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  uri = bench_copy_to_server (file_path);
  g_print ("Copied to the server (COPY, then VACUUM ANALYZE) in %.1f s\n",
           (g_get_monotonic_time () - start) / 1e6);

  if (!measure (file_path, &warm_up) || !measure (uri, &warm_up))
    return 1;
  for (guint i = 0; i < n_runs; i++)
    if (!measure (file_path, &file_runs[i]) || !measure (uri, &server_runs[i]))
      return 1;
  median (file_runs, n_runs, &file);
  median (server_runs, n_runs, &server);
  ratio = paired_ratio (file_runs, server_runs, n_runs, G_STRUCT_OFFSET (Result, frame_ms));
  start_ratio = paired_ratio (file_runs, server_runs, n_runs, G_STRUCT_OFFSET (Result, start_frame_ms));
  ok = ratio <= TARGET_SERVER;

  g_print ("\nMedian of %u runs, each in a new process (GSK_RENDERER=%s)\n", n_runs,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("%-34s %12s %14s\n", "", "file", "server");
  g_print ("%-34s %12.1f %14.1f\n", "first frame, window opening (ms)",
           file.start_frame_ms, server.start_frame_ms);
  g_print ("%-34s %12.1f %14.1f\n", "dashboard counts shown (ms)", file.counted_ms, server.counted_ms);
  g_print ("%-34s %12.1f %14.1f\n", "first frame, open requests (ms)", file.frame_ms, server.frame_ms);
  for (guint k = 0; k < N_SEARCHES; k++)
    {
      g_autofree char *label = g_strdup_printf ("%s (ms)", SEARCH_LABELS[k]);

      g_print ("%-34s %12.1f %14.1f   (%u and %u requests)\n", label, file.search_ms[k],
               server.search_ms[k], file.n_found[k], server.n_found[k]);
    }
  g_print ("%-34s %12.1f %14.1f\n", "peak memory, requests (MB)", file.peak_mb, server.peak_mb);
  g_print ("%-34s %12s %14.2f x (window opening)\n", "median of paired ratios", "", start_ratio);
  g_print ("%-34s %12s %14.2f x   <= %.1f x  %s\n", "", "", ratio, TARGET_SERVER, verdict (ok));
  g_print ("\n%s\n", ok ? "PASS" : "FAIL");

  g_unlink (file_path);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (file_path, i == 0 ? "-wal" : "-shm", NULL);

      g_unlink (side);
    }
  g_rmdir (dir);
  return ok ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  if (argc == 5 && g_str_equal (argv[1], "--fill"))
    {
      bench_fill_database (argv[2], g_ascii_strtoull (argv[3], NULL, 10),
                           g_ascii_strtoull (argv[4], NULL, 10));
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[1], "--window"))
    {
      gtk_init ();
      adw_init ();
      dpo_ui_init ();
      return run_window (argv[2]);
    }

  if (argc == 3 && g_str_equal (argv[1], "--start"))
    {
      gtk_init ();
      adw_init ();
      dpo_ui_init ();
      return run_start (argv[2]);
    }

  /* bench-requests --copy DB: DB copied onto the test server; its URI. */
  if (argc == 3 && g_str_equal (argv[1], "--copy"))
    {
      g_autofree char *uri = bench_copy_to_server (argv[2]);

      g_print ("%s\n", uri);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "--server"))
    return run_server ();

  return run_all ();
}
