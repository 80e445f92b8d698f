/* dpo-request-letter-write.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dpo-carry-out.h"
#include "dpo-computed.h"
#include "dpo-error.h"
#include "dpo-letter-pdf.h"
#include "dpo-request-letter-write.h"
#include "dpo-request-letter.h"
#include "dpo-store-letters.h"
#include "dpo-store-worker.h"
#include "dpo-time.h"

/* Producing request letters: read and check every request, lay the letters
 * out in one PDF, commit the file, then record the letters (file first,
 * then record; the file is removed if the record fails). */

typedef struct
{
  DpoStore          *store;
  DpoLetterKind      kind;
  GDateTime         *now;
  char              *date;                 /* the letters' date, YYYY-MM-DD */
  const char        *language;
  gboolean           alsace_moselle;
  DpoOrganisation   *organisation;
  const DpoSubject  *erased;               /* read before an erasure, or NULL */
  /* The DPO's edited templates, read once for the batch. */
  gboolean           template_read[DPO_N_LETTER_TEMPLATES];
  char              *template_subject[DPO_N_LETTER_TEMPLATES];
  char              *template_body[DPO_N_LETTER_TEMPLATES];
} Writer;

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->now, g_date_time_unref);
  g_clear_pointer (&w->date, g_free);
  g_clear_pointer (&w->organisation, dpo_organisation_free);
  for (guint i = 0; i < DPO_N_LETTER_TEMPLATES; i++)
    {
      g_clear_pointer (&w->template_subject[i], g_free);
      g_clear_pointer (&w->template_body[i], g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static void
writer_init (Writer        *w,
             DpoStore      *store,
             DpoLetterKind  kind)
{
  g_autoptr(GDateTime) local = NULL;

  w->store = store;
  w->kind = kind;
  w->now = dpo_store_dup_now (store);
  local = g_date_time_to_local (w->now);
  w->date = g_date_time_format (local, "%Y-%m-%d");
  w->language = dpo_letter_language ();
  w->alsace_moselle = dpo_store_get_alsace_moselle (store);
  w->organisation = dpo_store_get_organisation (store);
}

static char *
iso (const GDate *date)
{
  return g_date_valid (date) ? dpo_date_to_iso (date) : NULL;
}

/* The erasure rule as the law allows (rules/dpo-carry-out.h): the
 * earliest day erasure becomes possible, or, when none can be given, the
 * contract still open that blocks it. */
static void
erasure_verdict (Writer           *w,
                 const DpoSubject *subject,
                 gboolean         *blocked,
                 char            **earliest,
                 char            **contract)
{
  g_autoptr(DpoErasureVerdict) verdict =
    dpo_erasure_verdict_at (subject, w->now, dpo_store_get_retention_years (w->store));

  *blocked = verdict->rule != DPO_ERASURE_ALLOWED;
  *earliest = g_strdup (verdict->earliest);
  if (verdict->rule != DPO_ERASURE_ACTIVE_CONTRACT || verdict->earliest != NULL)
    return;
  /* No date because that contract has no end (not because of a hold). */
  for (guint i = 0; subject->contracts != NULL && i < subject->contracts->len; i++)
    {
      const DpoContract *c = g_ptr_array_index (subject->contracts, i);

      if (g_strcmp0 (c->number, verdict->contract_number) == 0 && c->end_date == NULL)
        *contract = g_strdup (c->number);
    }
}

static void
read_template (Writer            *w,
               DpoLetterTemplate  id)
{
  if (w->template_read[id])
    return;
  w->template_read[id] = TRUE;
  dpo_store_get_letter_template (w->store, dpo_letter_template_to_word (id), w->language,
                                 &w->template_subject[id], &w->template_body[id]);
}

/* One request's letter, composed (not yet laid out). */
static DpoRequestLetter *
compose_one (Writer      *w,
             const char  *id,
             GError     **error)
{
  g_autoptr(DpoRequest) request = dpo_store_get_request (w->store, id, error);
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *extended_due_on = NULL;
  g_autofree char *earliest = NULL;
  g_autofree char *open_contract = NULL;
  DpoRequestLetterInput in = { 0 };
  DpoRequestDeadlines deadlines;
  DpoLetterTemplate template;

  if (request == NULL ||
      !dpo_letter_kind_fits (w->kind, request, w->now, w->alsace_moselle, error))
    return NULL;
  if (request->subject_id != NULL)
    {
      subject = dpo_store_get_subject (w->store, request->subject_id, error);
      if (subject == NULL)
        return NULL;
    }
  else if (w->erased != NULL)
    subject = dpo_subject_copy (w->erased);
  else if (request->requester_name == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("The person of request %s was erased: there is no one to address the "
                     "letter to. An erasure’s confirmation is written as the erasure is "
                     "carried out with dpo execute --letter."), id);
      return NULL;
    }
  template = dpo_letter_template_for (w->kind, request);
  dpo_request_get_deadlines (request, w->now, w->alsace_moselle, &deadlines);
  due_on = iso (&deadlines.due_on);
  extended_due_on = iso (&deadlines.extended_due_on);
  if (w->kind == DPO_LETTER_REFUSAL && subject != NULL)
    erasure_verdict (w, subject, &in.erasure_blocked, &earliest, &open_contract);
  if (template == DPO_LETTER_TEMPLATE_ACCESS && subject != NULL)
    {
      requests = dpo_store_list_subject_requests (w->store, subject->id, error);
      incidents = requests != NULL ? dpo_store_list_subject_incidents (w->store, subject->id, error)
                                   : NULL;
      if (incidents == NULL)
        return NULL;
    }
  read_template (w, template);

  in.kind = w->kind;
  in.request = request;
  in.subject = subject;
  in.organisation = w->organisation;
  in.language = w->language;
  in.date = w->date;
  in.due_on = due_on;
  in.extended_due_on = extended_due_on;
  in.erasure_earliest = earliest;
  in.erasure_contract = open_contract;
  in.requests = requests;
  in.incidents = incidents;
  in.template_subject = w->template_subject[template];
  in.template_body = w->template_body[template];
  return dpo_request_letter_compose (&in, error);
}

gboolean
dpo_request_letter_fits (DpoStore       *store,
                         const char     *id,
                         DpoLetterKind   kind,
                         GError        **error)
{
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  request = dpo_store_get_request (store, id, error);
  if (request == NULL)
    return FALSE;
  now = dpo_store_dup_now (store);
  return dpo_letter_kind_fits (kind, request, now, dpo_store_get_alsace_moselle (store), error);
}

static gboolean write_letters (DpoStore *store, const char * const *ids, DpoLetterKind kind,
                               const DpoSubject *erased, GFile *file, guint *n_pages,
                               GError **error);

gboolean
dpo_request_letters_write (DpoStore            *store,
                           const char * const  *ids,
                           DpoLetterKind        kind,
                           GFile               *file,
                           guint               *n_pages,
                           GError             **error)
{
  return write_letters (store, ids, kind, NULL, file, n_pages, error);
}

gboolean
dpo_request_letter_write_to (DpoStore          *store,
                             const char        *id,
                             DpoLetterKind      kind,
                             const DpoSubject  *subject,
                             GFile             *file,
                             GError           **error)
{
  const char *ids[] = { id, NULL };

  g_return_val_if_fail (id != NULL, FALSE);
  return write_letters (store, ids, kind, subject, file, NULL, error);
}

static gboolean
write_letters (DpoStore            *store,
               const char * const  *ids,
               DpoLetterKind        kind,
               const DpoSubject    *erased,
               GFile               *file,
               guint               *n_pages,
               GError             **error)
{
  g_auto(Writer) w = { NULL };
  g_autoptr(DpoLetterPdf) pdf = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) record_error = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (kind < DPO_N_LETTER_KINDS, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Letters can only be written to a local file."));
      return FALSE;
    }
  if (ids[0] == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID, _("No request to write a letter for."));
      return FALSE;
    }
  writer_init (&w, store, kind);
  w.erased = erased;
  if (!dpo_request_letter_check_organisation (w.organisation, DPO_LETTER_ACKNOWLEDGEMENT, NULL,
                                              error))
    return FALSE;

  pdf = dpo_letter_pdf_new (path, error);
  if (pdf == NULL)
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(DpoRequestLetter) letter = compose_one (&w, ids[i], error);

      if (letter == NULL || dpo_letter_pdf_add (pdf, dpo_request_letter_get (letter), error) == 0)
        return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = dpo_letter_pdf_page_count (pdf);
  if (!dpo_letter_pdf_finish (pdf, error))
    return FALSE;

  if (!dpo_store_record_letters (store, ids, dpo_letter_kind_to_word (kind), w.now, &record_error))
    {
      g_unlink (path);
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The letters could not be recorded in the requests’ history, so the file "
                     "was removed: %s"), record_error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GStrv          ids;
  DpoLetterKind  kind;
  GFile         *file;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_strfreev (job->ids);
  g_clear_object (&job->file);
  g_free (job);
}

static gboolean
write_job (DpoStore      *worker,
           GTask         *task,
           gpointer       job_data,
           GCancellable  *cancellable,
           GError       **error)
{
  WriteJob *job = job_data;

  return dpo_request_letters_write (worker, (const char * const *) job->ids, job->kind,
                                    job->file, NULL, error);
}

static int write_tag;

void
dpo_request_letters_write_async (DpoStore            *store,
                                 const char * const  *ids,
                                 DpoLetterKind        kind,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->ids = g_strdupv ((char **) ids);
  job->kind = kind;
  job->file = g_object_ref (file);
  dpo_store_job_run_async (store, write_job, job, write_job_free, &write_tag, cancellable,
                           callback, user_data);
}

gboolean
dpo_request_letters_write_finish (DpoStore      *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return dpo_store_job_finish (store, result, &write_tag, error);
}
