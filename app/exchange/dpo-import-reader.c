/* dpo-import-reader.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-carry-out.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-import-decision.h"
#include "dpo-import-reader.h"
#include "dpo-validate.h"
#include "dpo-import-fields.h"
#include "dpo-json-guard.h"
#include "dpo-text-cut.h"
#include "dpo-nir.h"
#include "dpo-notice.h"
#include "dpo-organisation-check.h"
#include "dpo-time.h"

#define FORMAT_NAME    "dpo-workbench"
#define FORMAT_VERSION 1

void
_dpo_import_doc_free (DpoImportDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->display_name);
  g_clear_pointer (&doc->subject_ids, g_hash_table_unref);
  g_clear_pointer (&doc->organisation, dpo_organisation_free);
  g_clear_object (&doc->parser);
  g_free (doc);
}

static gboolean
fail_valist (DpoImportDoc  *doc,
             GError       **error,
             int            code,
             const char    *path,
             const char    *format,
             va_list        args)
{
  g_autofree char *full = g_strdup_vprintf (format, args);
  /* The last guard against a value quoted whole (a 10 MB field, say). */
  g_autofree char *message = dpo_text_cut (full, -1, 1024);
  g_autofree char *short_path = path != NULL ? dpo_text_cut (path, -1, 1024) : NULL;

  path = short_path;
  if (path != NULL)
    /* Translators: "FILE, at JSON-PATH: what is wrong" */
    g_set_error (error, DPO_ERROR, code, _("%s, at %s: %s"), doc->display_name, path, message);
  else
    g_set_error (error, DPO_ERROR, code, "%s: %s", doc->display_name, message);
  return FALSE;
}

gboolean
_dpo_import_fail (DpoImportDoc  *doc,
                  GError       **error,
                  int            code,
                  const char    *path,
                  const char    *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (doc, error, code, path, format, args);
  va_end (args);
  return FALSE;
}

gboolean
_dpo_import_fail_at (DpoImportDoc  *doc,
                     GError       **error,
                     int            code,
                     const char    *array,
                     guint          index,
                     const char    *member,
                     const char    *format,
                     ...)
{
  g_autofree char *path = g_strdup_printf ("%s[%u].%s", array, index, member);
  va_list args;

  va_start (args, format);
  fail_valist (doc, error, code, path, format, args);
  va_end (args);
  return FALSE;
}

/* Every record-reading function below takes the object and its path
 * ("incidents[0]") and fills one record, or fails naming the field. */

static gboolean
read_event (DpoImportFields *f,
            JsonObject      *object,
            DpoEvent        *event)
{
  return _dpo_field_time (f, object, "at", TRUE, &event->at) &&
         _dpo_field_enum (f, object, "kind", DPO_ENUM_EVENT_KIND, TRUE, &event->kind) &&
         _dpo_field_string (f, object, "description", FALSE, &event->description);
}

static gboolean
read_notification (DpoImportFields *f,
                   JsonObject      *object,
                   DpoNotification *notification)
{
  if (!_dpo_field_enum (f, object, "authority", DPO_ENUM_AUTHORITY, TRUE, &notification->authority) ||
      !_dpo_field_string (f, object, "authority_name", FALSE, &notification->authority_name) ||
      !_dpo_field_enum (f, object, "kind", DPO_ENUM_NOTIFICATION_KIND, TRUE, &notification->kind) ||
      !_dpo_field_time (f, object, "sent_at", TRUE, &notification->sent_at) ||
      !_dpo_field_string (f, object, "reference", FALSE, &notification->reference))
    return FALSE;

  if (dpo_notification_get_authority (notification) == DPO_AUTHORITY_OTHER &&
      notification->authority_name == NULL)
    return _dpo_field_fail (f, "authority_name",
                            _("is missing: an authority “other” needs its name"));
  return TRUE;
}

static gboolean
read_complaint (DpoImportFields *f,
                JsonObject      *object,
                DpoComplaint    *complaint)
{
  return _dpo_field_enum (f, object, "direction", DPO_ENUM_COMPLAINT_DIRECTION, TRUE, &complaint->direction) &&
         _dpo_field_enum (f, object, "body", DPO_ENUM_COMPLAINT_BODY, TRUE, &complaint->body) &&
         _dpo_field_time (f, object, "filed_at", TRUE, &complaint->filed_at) &&
         _dpo_field_string (f, object, "reference", FALSE, &complaint->reference) &&
         _dpo_field_string (f, object, "party", FALSE, &complaint->party) &&
         _dpo_field_enum (f, object, "status", DPO_ENUM_COMPLAINT_STATUS, FALSE, &complaint->status) &&
         _dpo_field_string (f, object, "outcome", FALSE, &complaint->outcome);
}

static gboolean
read_communication (DpoImportFields  *f,
                    JsonObject       *object,
                    DpoCommunication *communication)
{
  return _dpo_field_enum (f, object, "channel", DPO_ENUM_COMMUNICATION_CHANNEL, TRUE, &communication->channel) &&
         _dpo_field_time (f, object, "sent_at", TRUE, &communication->sent_at) &&
         _dpo_field_count (f, object, "count", &communication->count) &&
         _dpo_field_string (f, object, "message", FALSE, &communication->message);
}

typedef gboolean (*ReadChild) (DpoImportFields *f, JsonObject *object, gpointer record);
typedef gpointer (*NewRecord) (void);

static gboolean
read_children (DpoImportFields *f,
               JsonObject      *object,
               const char      *member,
               GPtrArray       *into,
               NewRecord        new_record,
               ReadChild        read_child)
{
  JsonArray *array = NULL;

  if (!_dpo_field_array (f, object, member, FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s[%u]", f->path, member, i);
      DpoImportFields child = { f->doc, f->error, path };
      JsonObject *child_object;
      gpointer record;

      if (!_dpo_field_element_object (&child, array, i, &child_object))
        return FALSE;
      record = new_record ();
      g_ptr_array_add (into, record);
      if (!read_child (&child, child_object, record))
        return FALSE;
    }
  return TRUE;
}

/* No notification before awareness: the window's rule (dpo-validate.c),
 * with the JSON path of the notification's date. */
static gboolean
check_notification_times (DpoImportFields   *f,
                          const DpoIncident *incident)
{
  for (guint i = 0; i < incident->notifications->len; i++)
    {
      const DpoNotification *n = g_ptr_array_index (incident->notifications, i);
      g_autofree char *path = g_strdup_printf ("%s.notifications[%u]", f->path, i);
      DpoImportFields child = { f->doc, f->error, path };
      g_autoptr(GError) local_error = NULL;

      if (!dpo_validate_notification_time (n->sent_at, incident->aware_at, NULL, &local_error))
        return _dpo_field_fail (&child, "sent_at", "%s", local_error->message);
    }
  return TRUE;
}

/* "notice": {"subject", "body"}, both required, their placeholders known. */
static gboolean
read_notice (DpoImportFields *f,
             JsonObject      *object,
             DpoIncident     *incident)
{
  JsonObject *notice = NULL;
  g_autofree char *path = NULL;
  DpoImportFields inner;
  g_autoptr(GError) local_error = NULL;

  if (!_dpo_field_object (f, object, "notice", FALSE, &notice))
    return FALSE;
  if (notice == NULL)
    return TRUE;
  path = g_strdup_printf ("%s.notice", f->path);
  inner = (DpoImportFields) { f->doc, f->error, path };
  if (!_dpo_field_string (&inner, notice, "subject", TRUE, &incident->notice_subject) ||
      !_dpo_field_string (&inner, notice, "body", TRUE, &incident->notice_body))
    return FALSE;
  if (!dpo_notice_check_text (incident->notice_subject, &local_error))
    return _dpo_field_fail (&inner, "subject", "%s", local_error->message);
  if (!dpo_notice_check_text (incident->notice_body, &local_error))
    return _dpo_field_fail (&inner, "body", "%s", local_error->message);
  /* What is left: an empty subject or text. */
  if (!dpo_notice_check (incident->notice_subject, incident->notice_body, &local_error))
    return _dpo_field_fail (&inner, NULL, "%s", local_error->message);
  return TRUE;
}

static gboolean
read_incident (DpoImportFields *f,
               JsonObject      *object,
               DpoIncident     *incident)
{
  if (!_dpo_field_id (f, object, "id", &incident->id) ||
      !_dpo_field_string (f, object, "title", TRUE, &incident->title) ||
      !_dpo_field_string (f, object, "description", FALSE, &incident->description) ||
      !_dpo_field_string (f, object, "processor", FALSE, &incident->processor) ||
      !_dpo_field_words (f, object, "natures", DPO_ENUM_NATURE, TRUE, &incident->natures) ||
      !_dpo_field_string (f, object, "origin", FALSE, &incident->origin) ||
      !_dpo_field_time (f, object, "started_at", FALSE, &incident->started_at) ||
      !_dpo_field_time (f, object, "ended_at", FALSE, &incident->ended_at) ||
      !_dpo_field_time (f, object, "aware_at", TRUE, &incident->aware_at) ||
      !_dpo_field_words (f, object, "data_categories", DPO_ENUM_DATA_CATEGORY, FALSE, &incident->data_categories) ||
      !_dpo_field_words (f, object, "subject_categories", DPO_ENUM_SUBJECT_CATEGORY, FALSE, &incident->subject_categories) ||
      !_dpo_field_count (f, object, "approx_subjects", &incident->approx_subjects) ||
      !_dpo_field_count (f, object, "approx_records", &incident->approx_records) ||
      !_dpo_field_string (f, object, "consequences", FALSE, &incident->consequences) ||
      !_dpo_field_enum (f, object, "risk", DPO_ENUM_RISK, TRUE, &incident->risk) ||
      !_dpo_field_string (f, object, "measures", FALSE, &incident->measures) ||
      !_dpo_field_string (f, object, "delay_reason", FALSE, &incident->delay_reason) ||
      !read_notice (f, object, incident))
    return FALSE;

  if (incident->started_at != NULL && incident->ended_at != NULL &&
      g_date_time_compare (incident->ended_at, incident->started_at) < 0)
    return _dpo_field_fail (f, "ended_at", _("the incident ends before it starts"));

  return read_children (f, object, "events", incident->events,
                        (NewRecord) dpo_event_new, (ReadChild) read_event) &&
         read_children (f, object, "notifications", incident->notifications,
                        (NewRecord) dpo_notification_new, (ReadChild) read_notification) &&
         check_notification_times (f, incident) &&
         read_children (f, object, "complaints", incident->complaints,
                        (NewRecord) dpo_complaint_new, (ReadChild) read_complaint) &&
         read_children (f, object, "communications", incident->communications,
                        (NewRecord) dpo_communication_new, (ReadChild) read_communication);
}

static gboolean
read_contract (DpoImportFields *f,
               JsonObject      *object,
               DpoContract     *contract)
{
  if (!_dpo_field_string (f, object, "number", TRUE, &contract->number) ||
      !_dpo_field_string (f, object, "product", FALSE, &contract->product) ||
      !_dpo_field_date (f, object, "start_date", TRUE, &contract->start_date) ||
      !_dpo_field_date (f, object, "end_date", FALSE, &contract->end_date) ||
      !_dpo_field_ids (f, object, "beneficiaries", &contract->beneficiaries))
    return FALSE;

  if (contract->end_date != NULL && strcmp (contract->end_date, contract->start_date) < 0)
    return _dpo_field_fail (f, "end_date", _("the contract ends (%s) before it starts (%s)"),
                            contract->end_date, contract->start_date);
  return TRUE;
}

static gboolean
read_hold (DpoImportFields *f,
           JsonObject      *object,
           DpoHold         *hold)
{
  if (!_dpo_field_enum (f, object, "reason", DPO_ENUM_HOLD_REASON, TRUE, &hold->reason) ||
      !_dpo_field_string (f, object, "note", FALSE, &hold->note) ||
      !_dpo_field_date (f, object, "since", FALSE, &hold->since) ||
      !_dpo_field_date (f, object, "until", FALSE, &hold->until))
    return FALSE;

  if (hold->since != NULL && hold->until != NULL && strcmp (hold->until, hold->since) < 0)
    return _dpo_field_fail (f, "until", _("a hold ending before it starts (%s, before %s)"),
                            hold->until, hold->since);
  return TRUE;
}

/* A contract covers its holder already: listing them among its
 * beneficiaries is a mistake in the file. Whether the others exist is
 * known once every person is read (dpo-import.c). */
static gboolean
check_beneficiaries (DpoImportFields  *f,
                     const DpoSubject *subject)
{
  for (guint i = 0; i < subject->contracts->len; i++)
    {
      const DpoContract *contract = g_ptr_array_index (subject->contracts, i);

      for (guint j = 0; contract->beneficiaries != NULL && contract->beneficiaries[j] != NULL; j++)
        if (g_str_equal (contract->beneficiaries[j], subject->id))
          {
            g_autofree char *member = g_strdup_printf ("contracts[%u].beneficiaries[%u]", i, j);
            g_autofree char *quoted = dpo_text_cut (subject->id, -1, DPO_TEXT_CUT_QUOTE);

            return _dpo_field_fail (f, member, _("“%s” holds this contract: a holder is covered "
                                                 "already and is not listed among its beneficiaries"),
                                    quoted);
          }
    }
  return TRUE;
}

static gboolean
read_subject (DpoImportFields *f,
              JsonObject      *object,
              DpoSubject      *subject)
{
  return _dpo_field_id (f, object, "id", &subject->id) &&
         _dpo_field_string (f, object, "last_name", TRUE, &subject->last_name) &&
         _dpo_field_string (f, object, "first_name", TRUE, &subject->first_name) &&
         _dpo_field_date (f, object, "birth_date", FALSE, &subject->birth_date) &&
         _dpo_field_nir (f, object, "nir", &subject->nir) &&
         _dpo_field_string (f, object, "member_number", FALSE, &subject->member_number) &&
         _dpo_field_string (f, object, "email", FALSE, &subject->email) &&
         _dpo_field_string (f, object, "postal_address", FALSE, &subject->postal_address) &&
         _dpo_read_subject_restricted (f, object, subject) &&
         read_children (f, object, "contracts", subject->contracts,
                        (NewRecord) dpo_contract_new, (ReadChild) read_contract) &&
         check_beneficiaries (f, subject) &&
         read_children (f, object, "holds", subject->holds,
                        (NewRecord) dpo_hold_new, (ReadChild) read_hold);
}

static gboolean
read_request_person (DpoImportFields *f,
                     JsonObject      *object,
                     DpoRequest      *request)
{
  gboolean has_subject = json_object_has_member (object, "subject");
  JsonObject *requester = NULL;

  if (!_dpo_field_string (f, object, "subject", FALSE, &request->subject_id) ||
      !_dpo_field_object (f, object, "requester", FALSE, &requester))
    return FALSE;

  if (request->subject_id != NULL && requester != NULL)
    return _dpo_field_fail (f, "requester", _("a request has a subject or a requester, not both"));

  if (requester != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s.requester", f->path);
      DpoImportFields child = { f->doc, f->error, path };

      return _dpo_field_string (&child, requester, "name", TRUE, &request->requester_name) &&
             _dpo_field_string (&child, requester, "contact", FALSE, &request->requester_contact);
    }

  /* "subject": null is a request whose person was erased; no member at all is a mistake. */
  if (!has_subject)
    return _dpo_field_fail (f, "subject",
                            _("is missing: a request needs the person’s reference (subject) or a requester"));
  return TRUE;
}

static gboolean
read_request_extension (DpoImportFields *f,
                        JsonObject      *object,
                        DpoRequest      *request)
{
  g_autofree char *path = NULL;
  JsonObject *extension = NULL;
  DpoImportFields child;

  if (!_dpo_field_object (f, object, "extension", FALSE, &extension))
    return FALSE;
  if (extension == NULL)
    return TRUE;

  path = g_strdup_printf ("%s.extension", f->path);
  child = (DpoImportFields) { f->doc, f->error, path };
  return _dpo_field_string (&child, extension, "reason", TRUE, &request->extension_reason) &&
         _dpo_field_time (&child, extension, "notified_at", TRUE, &request->extension_notified_at);
}

static gboolean
read_request (DpoImportFields *f,
              JsonObject      *object,
              DpoRequest      *request)
{
  if (!_dpo_field_id (f, object, "id", &request->id) ||
      !read_request_person (f, object, request) ||
      !_dpo_field_enum (f, object, "kind", DPO_ENUM_REQUEST_KIND, TRUE, &request->kind) ||
      !_dpo_field_time (f, object, "received_at", TRUE, &request->received_at) ||
      !_dpo_field_enum (f, object, "channel", DPO_ENUM_REQUEST_CHANNEL, FALSE, &request->channel) ||
      !_dpo_field_time (f, object, "identity_verified_at", FALSE, &request->identity_verified_at) ||
      !read_request_extension (f, object, request) ||
      !_dpo_field_enum (f, object, "status", DPO_ENUM_REQUEST_STATUS, FALSE, &request->status) ||
      !_dpo_field_time (f, object, "answered_at", FALSE, &request->answered_at) ||
      !_dpo_field_string (f, object, "outcome", FALSE, &request->outcome) ||
      !_dpo_field_string (f, object, "refusal_ground", FALSE, &request->refusal_ground) ||
      !_dpo_field_changes (f, object, "changes", &request->changes) ||
      !_dpo_read_request_decision (f, object, request))
    return FALSE;

  if (request->answered_at != NULL &&
      g_date_time_compare (request->answered_at, request->received_at) < 0)
    return _dpo_field_fail (f, "answered_at", _("the answer is dated before the request was received"));
  return TRUE;
}

typedef gboolean (*ReadRecord) (DpoImportFields *f, JsonObject *object, gpointer record);

/* Reads each record of the list @member, checks that its id is not already
 * in @ids, and hands it to @take; the record lives only that long. */
static gboolean
read_top_array (DpoImportDoc   *doc,
                const char     *member,
                DpoImportKind   kind,
                GHashTable     *ids,
                NewRecord       new_record,
                ReadRecord      read_record,
                GDestroyNotify  free_record,
                DpoImportTake   take,
                gpointer        user_data,
                guint          *n_read,
                GError        **error)
{
  DpoImportFields top = { doc, error, NULL };
  JsonArray *array = NULL;

  if (!_dpo_field_array (&top, doc->root, member, FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      DpoImportFields f = { doc, error, path };
      JsonObject *object;
      gpointer record;
      const char *id;

      if (!_dpo_field_element_object (&f, array, i, &object))
        return FALSE;
      record = new_record ();
      if (!read_record (&f, object, record))
        {
          free_record (record);
          return FALSE;
        }

      /* Every top-level record begins with its id (see dpo-records.h). */
      id = json_object_get_string_member (object, "id");
      if (g_hash_table_contains (ids, id))
        {
          g_autofree char *quoted = dpo_text_cut (id, -1, DPO_TEXT_CUT_QUOTE);

          free_record (record);
          return _dpo_field_fail (&f, "id", _("the id “%s” appears twice in this file"), quoted);
        }
      g_hash_table_add (ids, (gpointer) id);

      if (!take (doc, kind, i, record, json_array_get_element (array, i), user_data, error))
        return FALSE;
      (*n_read)++;
    }
  return TRUE;
}

static gboolean
check_header (DpoImportDoc  *doc,
              JsonObject    *root,
              GError       **error)
{
  DpoImportFields top = { doc, error, NULL };
  g_autofree char *format = NULL;
  gint64 version = -1;

  if (!_dpo_field_string (&top, root, "format", TRUE, &format) ||
      !_dpo_field_count (&top, root, "version", &version))
    return FALSE;

  if (!g_str_equal (format, FORMAT_NAME))
    {
      g_autofree char *quoted = dpo_text_cut (format, -1, DPO_TEXT_CUT_QUOTE);
      return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, "format",
                               _("“%s” is not a DPO Workbench file (expected “%s”)"),
                               quoted, FORMAT_NAME);
    }
  if (version < 0)
    return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, "version", _("is missing"));
  if (version > FORMAT_VERSION)
    return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, "version",
                             _("the file was written by a newer DPO Workbench (format version %lld; "
                               "this program reads up to %d)"),
                             (long long) version, FORMAT_VERSION);
  if (version < 1)
    return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, "version",
                             _("%lld is not a format version"), (long long) version);
  return TRUE;
}

static JsonObject *
parse_root (DpoImportDoc  *doc,
            GBytes        *bytes,
            GError       **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (size == 0)
    return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, NULL, _("the file is empty")), NULL;
  /* What json-glib cannot hold (deep nesting, null characters, lone
   * surrogates, numbers past 64 bits) is refused before it parses. */
  if (!_dpo_json_guard_check (doc, data, size, error))
    return NULL;
  if (!g_utf8_validate_len (data, size, &end))
    return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, NULL,
                             _("the file is not UTF-8 text (invalid byte at offset %lu)"),
                             (unsigned long) (end - data)), NULL;

  doc->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (doc->parser, data, size, &parse_error))
    {
      /* json-glib quotes the bad token, whole and not always valid UTF-8. */
      g_autofree char *reason = dpo_text_cut (parse_error->message, -1, 4 * DPO_TEXT_CUT_QUOTE);

      return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, NULL,
                               _("the file is not valid JSON (%s)"), reason), NULL;
    }

  root = json_parser_get_root (doc->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, NULL,
                             _("the top level must be a JSON object with “format”, “version”, "
                               "“incidents”, “subjects” and “requests”")), NULL;
  return json_node_get_object (root);
}

DpoImportDoc *
_dpo_import_doc_open (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(DpoImportDoc) doc = g_new0 (DpoImportDoc, 1);

  doc->display_name = g_strdup (display_name);
  doc->subject_ids = g_hash_table_new (g_str_hash, g_str_equal);

  doc->root = parse_root (doc, bytes, error);
  if (doc->root == NULL || !check_header (doc, doc->root, error))
    return NULL;
  return g_steal_pointer (&doc);
}

/* The top-level "organisation" (DESIGN "Interchange additions"), with its
 * "dpo" and its "processing" (what an access answer says, Art. 15). */
static gboolean
read_organisation (DpoImportDoc  *doc,
                   GError       **error)
{
  DpoImportFields top = { doc, error, NULL };
  DpoImportFields f = { doc, error, "organisation" };
  DpoImportFields in_dpo = { doc, error, "organisation.dpo" };
  DpoImportFields in_processing = { doc, error, "organisation.processing" };
  g_autoptr(DpoOrganisation) organisation = dpo_organisation_new ();
  g_autoptr(GError) invalid = NULL;
  DpoOrganisationField bad = DPO_ORGANISATION_NAME;
  g_autofree char *path = NULL;
  JsonObject *object = NULL, *dpo = NULL, *processing = NULL;

  if (!_dpo_field_object (&top, doc->root, "organisation", FALSE, &object))
    return FALSE;
  if (object == NULL)
    return TRUE;
  if (!_dpo_field_string (&f, object, "name", FALSE, &organisation->name) ||
      !_dpo_field_string (&f, object, "siren", FALSE, &organisation->siren) ||
      !_dpo_field_string (&f, object, "address", FALSE, &organisation->address) ||
      !_dpo_field_object (&f, object, "dpo", FALSE, &dpo) ||
      !_dpo_field_object (&f, object, "processing", FALSE, &processing))
    return FALSE;
  if (dpo != NULL &&
      (!_dpo_field_string (&in_dpo, dpo, "name", FALSE, &organisation->dpo_name) ||
       !_dpo_field_string (&in_dpo, dpo, "email", FALSE, &organisation->dpo_email) ||
       !_dpo_field_string (&in_dpo, dpo, "phone", FALSE, &organisation->dpo_phone) ||
       !_dpo_field_string (&in_dpo, dpo, "address", FALSE, &organisation->dpo_address)))
    return FALSE;
  if (processing != NULL &&
      (!_dpo_field_string (&in_processing, processing, "purposes", FALSE, &organisation->purposes) ||
       !_dpo_field_string (&in_processing, processing, "recipients", FALSE,
                           &organisation->recipients) ||
       !_dpo_field_string (&in_processing, processing, "retention", FALSE,
                           &organisation->retention) ||
       !_dpo_field_string (&in_processing, processing, "source", FALSE, &organisation->source)))
    return FALSE;

  if (!dpo_organisation_check (organisation, &bad, &invalid))
    {
      path = g_strconcat ("organisation.", dpo_organisation_field_path (bad), NULL);
      return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, path, "%s", invalid->message);
    }
  doc->organisation = g_steal_pointer (&organisation);
  return TRUE;
}

/* The top-level "settings": what changes computed values and the erasure
 * rule, read with the rest of the file, all or nothing. */
static gboolean
read_settings (DpoImportDoc  *doc,
               GError       **error)
{
  DpoImportFields top = { doc, error, NULL };
  DpoImportFields f = { doc, error, "settings" };
  g_autoptr(GError) invalid = NULL;
  JsonObject *object = NULL;

  doc->settings.alsace_moselle = -1;
  doc->settings.retention_after_contract_years = -1;
  if (!_dpo_field_object (&top, doc->root, "settings", FALSE, &object))
    return FALSE;
  if (object == NULL)
    return TRUE;
  if (!_dpo_field_boolean (&f, object, "alsace_moselle", &doc->settings.alsace_moselle) ||
      !_dpo_field_count (&f, object, "retention_after_contract_years",
                         &doc->settings.retention_after_contract_years))
    return FALSE;
  if (doc->settings.retention_after_contract_years > DPO_RETENTION_MAX_YEARS &&
      !dpo_erasure_check_retention_years (doc->settings.retention_after_contract_years, &invalid))
    return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, "settings.retention_after_contract_years",
                             "%s", invalid->message);
  return TRUE;
}

gboolean
_dpo_import_doc_read (DpoImportDoc   *doc,
                      DpoImportTake   take,
                      gpointer        user_data,
                      GError        **error)
{
  g_autoptr(GHashTable) incident_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) request_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* People first: the requests refer to them. */
  return read_organisation (doc, error) &&
         read_settings (doc, error) &&
         read_top_array (doc, "subjects", DPO_IMPORT_SUBJECT, doc->subject_ids,
                         (NewRecord) dpo_subject_new, (ReadRecord) read_subject,
                         (GDestroyNotify) dpo_subject_free, take, user_data,
                         &doc->n_subjects, error) &&
         read_top_array (doc, "incidents", DPO_IMPORT_INCIDENT, incident_ids,
                         (NewRecord) dpo_incident_new, (ReadRecord) read_incident,
                         (GDestroyNotify) dpo_incident_free, take, user_data,
                         &doc->n_incidents, error) &&
         read_top_array (doc, "requests", DPO_IMPORT_REQUEST, request_ids,
                         (NewRecord) dpo_request_new, (ReadRecord) read_request,
                         (GDestroyNotify) dpo_request_free, take, user_data,
                         &doc->n_requests, error);
}
