/* dpo-registers.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-registers.h"
#include "dpo-store-role.h"
#include "dpo-export-xlsx-private.h"
#include "dpo-time.h"

/* The registers workbook of DESIGN "Registers workbook". Each register is
 * read with a cursor and written row by row to a constant-memory sheet, so
 * a million requests cost no more memory than one. All five are read in
 * one transaction: the workbook is a consistent snapshot. The registers
 * themselves are in dpo-export-breaches.c and dpo-export-requests.c. */

/* How often, in rows, the export looks for a cancellation and reports. */
#define TICK_EVERY 1024

gboolean
_dpo_export_tick (Export  *e,
                  GError **error)
{
  if (++e->done % TICK_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (e->cancellable, error))
    return FALSE;
  if (e->progress != NULL)
    e->progress (e->done, e->total, e->progress_data);
  return TRUE;
}

/* The audit log's seal at the foot of every page (DESIGN "Workbook
 * additions"): a copy of the workbook kept elsewhere proves the log up to
 * that entry (`dpo audit verify` prints the current seal). */
void
_dpo_export_set_seal_footer (DpoXlsxBook *book,
                             DpoStore    *store)
{
  g_autofree char *seal = dpo_store_dup_audit_seal (store);
  g_autofree char *footer = NULL;

  if (seal == NULL)
    return;
  footer = g_strdup_printf (_("Audit log seal: %s"), seal);
  dpo_xlsx_book_set_footer (book, footer);
}

/* Who the registers are of (DESIGN "Workbook additions"), at the top of
 * every page: "Name · SIREN 775684129 · DPO: name, email, phone". Nothing
 * when the organisation was never entered. */
void
_dpo_export_set_organisation_header (DpoXlsxBook *book,
                                     DpoStore    *store)
{
  g_autoptr(DpoOrganisation) organisation = dpo_store_get_organisation (store);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dpo = g_ptr_array_new ();
  g_autofree char *text = NULL;

  if (organisation->name != NULL)
    g_ptr_array_add (parts, g_strdup (organisation->name));
  if (organisation->siren != NULL)
    /* Translators: in the page header of the registers */
    g_ptr_array_add (parts, g_strdup_printf (_("SIREN %s"), organisation->siren));
  if (organisation->dpo_name != NULL)
    g_ptr_array_add (dpo, organisation->dpo_name);
  if (organisation->dpo_email != NULL)
    g_ptr_array_add (dpo, organisation->dpo_email);
  if (organisation->dpo_phone != NULL)
    g_ptr_array_add (dpo, organisation->dpo_phone);
  if (dpo->len > 0)
    {
      g_autofree char *who = NULL;

      g_ptr_array_add (dpo, NULL);
      who = g_strjoinv (", ", (char **) dpo->pdata);
      /* Translators: in the page header: the data protection officer and how to reach them */
      g_ptr_array_add (parts, g_strdup_printf (_("DPO: %s"), who));
    }
  if (parts->len == 0)
    return;
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (" · ", (char **) parts->pdata);
  dpo_xlsx_book_set_header (book, text);
}

static void
count_rows (Export *e)
{
  DpoStoreCounts counts;

  dpo_store_count_records (e->store, &counts);
  /* Each incident counts once in each of its five registers (dpo-export-breaches.c);
   * a communication is a row of two of them (Timeline, Communications). */
  e->total = counts.incidents * 5 + counts.events + counts.notifications + counts.complaints +
             counts.communications * 2 + counts.requests;
}

static gboolean
write_registers (Export  *e,
                 GError **error)
{
  return _dpo_export_write_incident_registers (e, error) && _dpo_export_write_requests (e, error);
}

gboolean
dpo_registers_export (DpoStore               *self,
                      GFile                  *file,
                      guint                   max_rows,
                      DpoExportProgressFunc   progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(GDateTime) now = NULL;
  DpoStoreSnapshot *snapshot;
  Export e = { 0 };
  gboolean ok;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Exports are the officer's and the auditor's (dpo-store-role.c). */
  if (!dpo_store_require (self, DPO_RIGHT_EXPORT, error))
    return FALSE;

  now = dpo_store_dup_now (self);
  e.store = self;
  e.now = now;
  dpo_time_get_local_date (now, &e.today);
  e.alsace_moselle = dpo_store_get_alsace_moselle (self);
  e.cancellable = cancellable;
  e.progress = progress;
  e.progress_data = progress_data;

  e.book = dpo_xlsx_book_new (file, max_rows, error);
  if (e.book == NULL)
    return FALSE;

  /* One read transaction: a consistent snapshot even if another window
   * writes meanwhile. (Not if the caller has one open already: then it is
   * the caller's, and not ours to end.) */
  snapshot = dpo_store_snapshot_begin (self);
  /* The seal of the same snapshot as the rows. */
  _dpo_export_set_seal_footer (e.book, self);
  _dpo_export_set_organisation_header (e.book, self);
  count_rows (&e);
  ok = write_registers (&e, error) && !g_cancellable_set_error_if_cancelled (cancellable, error);
  /* Every row written: what remains, zipping the sheets into the file, can
   * take a third of the time and cannot be cancelled. Say so. */
  if (ok && progress != NULL)
    progress (e.total, e.total, progress_data);
  ok = ok && dpo_xlsx_book_commit (e.book, error);
  dpo_store_snapshot_end (snapshot);

  dpo_xlsx_book_free (e.book);
  if (ok && progress != NULL)
    progress (e.total, e.total, progress_data);
  return ok;
}
