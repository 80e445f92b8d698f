/* dpo-campaign-mbox.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>
#include <string.h>

#include "dpo-campaign-private.h"
#include "dpo-error.h"
#include "dpo-output-file.h"

/* The emails are complete RFC 5322 messages made by GMime (headers encoded
 * as RFC 2047 words, the body UTF-8 in quoted-printable), so that any mail
 * program or mailing service can send them as they are. Each is written to
 * memory first, through GMime's "From " escaping filter, then appended. */

/* GMime 3 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeFilter, g_object_unref)

struct _DpoCampaignMbox
{
  DpoOutputFile *output;
  char          *from_name;
  char          *from_email;
  char          *domain;
  GDateTime     *date;
  char          *separator;   /* the mbox "From " line, the same for every message */
};

static gpointer
init_gmime (gpointer data)
{
  g_mime_init ();
  return NULL;
}

void
dpo_campaign_mbox_free (DpoCampaignMbox *self)
{
  if (self == NULL)
    return;
  dpo_output_file_free (self->output);
  g_free (self->from_name);
  g_free (self->from_email);
  g_free (self->domain);
  g_date_time_unref (self->date);
  g_free (self->separator);
  g_free (self);
}

/* "From dpo@example.org Thu Feb  8 10:00:00 2024": asctime()'s format in
 * English whatever the locale, as mbox readers expect. */
static char *
separator_line (const char *sender,
                GDateTime  *date)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                         "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_strdup_printf ("From %s %s %s %2d %02d:%02d:%02d %d\n", sender,
                          days[g_date_time_get_day_of_week (utc) - 1],
                          months[g_date_time_get_month (utc) - 1],
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc),
                          g_date_time_get_year (utc));
}

DpoCampaignMbox *
dpo_campaign_mbox_new (GFile       *file,
                       const char  *from_name,
                       const char  *from_email,
                       GDateTime   *date,
                       GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(DpoCampaignMbox) self = g_new0 (DpoCampaignMbox, 1);
  const char *at = strrchr (from_email, '@');

  g_once (&once, init_gmime, NULL);
  self->from_name = g_strdup (from_name);
  self->from_email = g_strdup (from_email);
  self->domain = g_strdup (at != NULL && at[1] != '\0' ? at + 1 : "localhost");
  self->date = g_date_time_ref (date);
  self->separator = separator_line (from_email, date);
  self->output = dpo_output_file_new (file, error);
  if (self->output == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

static void
add_mailbox (GMimeMessage     *message,
             GMimeAddressType  type,
             const char       *name,
             const char       *address)
{
  InternetAddress *mailbox = internet_address_mailbox_new (name, address);

  /* Names in UTF-8 encoded words, rather than the narrowest charset GMime
   * would pick (ISO-8859-1 for "Hélène"). */
  internet_address_set_charset (mailbox, "utf-8");
  internet_address_list_add (g_mime_message_get_addresses (message, type), mailbox);
  g_object_unref (mailbox);
}

static GMimeObject *
text_body (const char *body)
{
  GMimeTextPart *part = g_mime_text_part_new_with_subtype ("plain");
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (body, strlen (body));
  GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);

  /* The text as it is, in UTF-8: g_mime_text_part_set_text() would
   * convert it to the narrowest charset that holds it. */
  g_mime_part_set_content (GMIME_PART (part), content);
  g_mime_text_part_set_charset (part, "utf-8");
  g_mime_part_set_content_encoding (GMIME_PART (part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_object_unref (content);
  g_object_unref (stream);
  return GMIME_OBJECT (part);
}

static GMimeMessage *
build_message (DpoCampaignMbox *self,
               const char      *to_name,
               const char      *to_email,
               const char      *subject,
               const char      *body)
{
  GMimeMessage *message = g_mime_message_new (TRUE);
  g_autofree char *message_id = g_mime_utils_generate_message_id (self->domain);
  g_autofree char *text = g_str_has_suffix (body, "\n") ? g_strdup (body) : g_strconcat (body, "\n", NULL);
  GMimeObject *part = text_body (text);

  add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, self->from_name, self->from_email);
  add_mailbox (message, GMIME_ADDRESS_TYPE_TO, to_name, to_email);
  g_mime_message_set_subject (message, subject, "utf-8");
  g_mime_message_set_date (message, self->date);
  g_mime_message_set_message_id (message, message_id);
  g_mime_message_set_mime_part (message, part);
  g_object_unref (part);
  return message;
}

gboolean
dpo_campaign_mbox_add (DpoCampaignMbox  *self,
                       const char       *to_name,
                       const char       *to_email,
                       const char       *subject,
                       const char       *body,
                       GError          **error)
{
  g_autoptr(GMimeMessage) message = build_message (self, to_name, to_email, subject, body);
  g_autoptr(GMimeStream) memory = g_mime_stream_mem_new ();
  g_autoptr(GMimeStream) escaped = g_mime_stream_filter_new (memory);
  g_autoptr(GMimeFilter) from = g_mime_filter_from_new (GMIME_FILTER_FROM_MODE_ESCAPE);
  GOutputStream *out = dpo_output_file_get_stream (self->output);
  GByteArray *bytes;

  g_mime_stream_filter_add (GMIME_STREAM_FILTER (escaped), from);
  if (g_mime_object_write_to_stream (GMIME_OBJECT (message), NULL, escaped) < 0 ||
      g_mime_stream_flush (escaped) < 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The email to %s could not be made."), to_email);
      return FALSE;
    }
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (memory));
  if (!g_output_stream_write_all (out, self->separator, strlen (self->separator), NULL, NULL, error) ||
      !g_output_stream_write_all (out, bytes->data, bytes->len, NULL, NULL, error) ||
      !g_output_stream_write_all (out, "\n", 1, NULL, NULL, error))
    {
      g_prefix_error (error, "%s: ", dpo_output_file_get_display_name (self->output));
      return FALSE;
    }
  return TRUE;
}

gboolean
dpo_campaign_mbox_finish (DpoCampaignMbox  *self,
                          GError          **error)
{
  return dpo_output_file_commit (self->output, NULL, error);
}
