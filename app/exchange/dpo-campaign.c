/* dpo-campaign.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dpo-campaign.h"
#include "dpo-campaign-private.h"
#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-notice.h"
#include "dpo-temp-files.h"
#include "dpo-time.h"

/* One run: the outputs open in the hidden folder. Who was informed, and
 * who could not be, the store remembers (dpo-store-campaign.h): nothing
 * here grows with the number of people. */
typedef struct
{
  DpoStore                  *store;
  const DpoCampaignOptions  *options;
  DpoOrganisation           *organisation;
  GDateTime                 *sent_at;
  char                      *temp_dir;
  DpoStoreCampaign          *households;
  DpoCampaignMbox           *mbox;
  DpoCsvFile                *emails_csv;
  DpoCsvFile                *unreachable_csv;
  DpoCampaignLetters        *letters;
  DpoCampaignCounts         *counts;
} Run;

static const char * const EMAILS_COLUMNS[] = {
  "email", "first_name", "last_name", "member_number", "subject", "body", NULL
};
static const char * const UNREACHABLE_COLUMNS[] = {
  "id", "name", "member_number", "reason", NULL
};

/* Removes @dir and the files in it (the campaign writes no sub-folder). */
static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
run_clear (Run *run)
{
  /* Outputs not committed remove their temporary files when freed. */
  g_clear_pointer (&run->mbox, dpo_campaign_mbox_free);
  g_clear_pointer (&run->emails_csv, dpo_csv_file_free);
  g_clear_pointer (&run->unreachable_csv, dpo_csv_file_free);
  g_clear_pointer (&run->letters, dpo_campaign_letters_free);
  g_clear_pointer (&run->households, dpo_store_campaign_free);
  if (run->temp_dir != NULL)
    remove_folder (run->temp_dir);
  g_clear_pointer (&run->temp_dir, g_free);
  g_clear_pointer (&run->organisation, dpo_organisation_free);
  g_clear_pointer (&run->sent_at, g_date_time_unref);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The folder must not exist, or be empty: a campaign never mixes its
 * files with others, nor replaces an earlier campaign's. */
static gboolean
check_folder (GFile   *folder,
              GError **error)
{
  g_autofree char *name = g_file_get_parse_name (folder);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GFileInfo) child = NULL;

  switch (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL))
    {
    case G_FILE_TYPE_UNKNOWN:
      return TRUE;
    case G_FILE_TYPE_DIRECTORY:
      break;
    default:
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” is not a folder: give a new or empty folder for the campaign."), name);
      return FALSE;
    }
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (children == NULL)
    return FALSE;
  child = g_file_enumerator_next_file (children, NULL, NULL);
  if (child != NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("The folder “%s” is not empty: give a new or empty folder for the campaign, "
                     "so that its files are not mixed with others."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_dpo_contact (const DpoOrganisation  *organisation,
                   GError                **error)
{
  if (is_blank (organisation->dpo_email))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Set the DPO’s contact in Preferences first: the emails are sent from the "
                     "DPO’s address, and the letters give it."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_organisation (Run     *run,
                    GError **error)
{
  run->organisation = dpo_store_get_organisation (run->store);
  return check_dpo_contact (run->organisation, error);
}

/* Midday of the chosen day, local time: the day stays the same in every
 * time zone the register is read in. */
static gboolean
read_sent_at (Run     *run,
              GError **error)
{
  g_autoptr(GTimeZone) local = dpo_time_dup_local_zone ();
  GDate date;

  if (run->options->sent_on == NULL)
    {
      run->sent_at = dpo_store_dup_now (run->store);
      return TRUE;
    }
  if (!dpo_date_parse (run->options->sent_on, &date, error))
    {
      g_prefix_error (error, _("The sending date: "));
      return FALSE;
    }
  run->sent_at = g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 12, 0, 0);
  return TRUE;
}

static GFile *
child_file (Run        *run,
            const char *name)
{
  g_autofree char *path = g_build_filename (run->temp_dir, name, NULL);

  return g_file_new_for_path (path);
}

/* The hidden sibling ".NAME.dpo-tmp-XXXXXX", private to its owner. */
static gboolean
make_temp_dir (Run     *run,
               GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (run->options->folder);
  g_autofree char *parent_path = parent != NULL ? g_file_get_path (parent) : NULL;
  g_autofree char *base = g_file_get_basename (run->options->folder);
  g_autofree char *template = NULL;

  if (parent_path == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID, _("Give a folder on this computer for the campaign."));
      return FALSE;
    }
  template = dpo_temp_files_template (parent_path, base);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot create a folder in “%s”: %s"),
                   parent_path, dpo_file_describe_errno (saved_errno));
      return FALSE;
    }
  run->temp_dir = g_steal_pointer (&template);
  return TRUE;
}

static gboolean
open_outputs (Run     *run,
              GError **error)
{
  const char *from_name = !is_blank (run->organisation->dpo_name) ? run->organisation->dpo_name
                          : run->organisation->name;
  g_autoptr(GFile) mbox = child_file (run, DPO_CAMPAIGN_MBOX);
  g_autoptr(GFile) emails = child_file (run, DPO_CAMPAIGN_EMAILS_CSV);
  g_autoptr(GFile) unreachable = child_file (run, DPO_CAMPAIGN_UNREACHABLE_CSV);
  g_autoptr(GFile) pdf = child_file (run, DPO_CAMPAIGN_LETTERS_PDF);
  g_autoptr(GFile) letters = child_file (run, DPO_CAMPAIGN_LETTERS_CSV);

  run->mbox = dpo_campaign_mbox_new (mbox, from_name, run->organisation->dpo_email, run->sent_at, error);
  if (run->mbox == NULL)
    return FALSE;
  run->emails_csv = dpo_csv_file_new (emails, EMAILS_COLUMNS, error);
  if (run->emails_csv == NULL)
    return FALSE;
  run->unreachable_csv = dpo_csv_file_new (unreachable, UNREACHABLE_COLUMNS, error);
  if (run->unreachable_csv == NULL)
    return FALSE;
  run->letters = dpo_campaign_letters_new (pdf, letters, run->organisation, run->sent_at, error);
  return run->letters != NULL;
}

static char *
full_name (const DpoHouseholdPerson *person)
{
  return g_strdup_printf ("%s %s", person->first_name, person->last_name);
}

static char *
co_insured_names (const DpoHousehold *household)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < household->co_insured->len; i++)
    {
      g_autofree char *name = full_name (g_ptr_array_index (household->co_insured, i));

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  return g_string_free (names, FALSE);
}

/* A person in a household that could not be written to: listed in
 * unreachable.csv at the end, unless another household's message named
 * them (a beneficiary of a reachable holder's contract). */
static gboolean
add_unreachable (Run                       *run,
                 const DpoHouseholdPerson  *person,
                 const char                *reason,
                 GError                   **error)
{
  g_autofree char *name = full_name (person);

  return dpo_store_campaign_add_unreachable (run->households, person, name, reason, error);
}

static gboolean
keep_unreachable (Run                 *run,
                  const DpoHousehold  *household,
                  GError             **error)
{
  g_autofree char *holder_name = full_name (&household->holder);
  const char *reason = household->bounced
    ? _("The email bounced and there is no postal address.")
    : _("Neither an email address nor a postal address.");

  if (!add_unreachable (run, &household->holder, reason, error))
    return FALSE;
  for (guint i = 0; i < household->co_insured->len; i++)
    {
      g_autofree char *co_reason = g_strdup_printf (_("Co-insured of %s (%s), who cannot be reached: %s"),
                                                    holder_name, household->holder.id, reason);

      if (!add_unreachable (run, g_ptr_array_index (household->co_insured, i), co_reason, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_unreachable_row (const char  *id,
                       const char  *name,
                       const char  *member_number,
                       const char  *reason,
                       gpointer     user_data,
                       GError     **error)
{
  Run *run = user_data;
  const char *fields[] = { id, name, member_number, reason };

  run->counts->people[DPO_CAMPAIGN_UNREACHABLE]++;
  return dpo_csv_file_add_row (run->unreachable_csv, fields, error);
}

/* unreachable.csv: those no message named, each once. */
static gboolean
write_unreachable (Run     *run,
                   GError **error)
{
  return dpo_store_campaign_foreach_unreachable (run->households, write_unreachable_row, run, error);
}

static gboolean
write_household (Run                 *run,
                 const DpoHousehold  *household,
                 GError             **error)
{
  g_autofree char *co_insured = co_insured_names (household);
  /* The notice's own expansion: a line left empty by its placeholders
   * (the co-insured sentence, for a household without any) goes. */
  DpoNoticePerson person = {
    household->holder.first_name, household->holder.last_name,
    household->holder.member_number, co_insured,
  };
  g_autofree char *subject = dpo_notice_expand_for (dpo_store_campaign_get_notice_subject (run->households),
                                                    &person);
  g_autofree char *body = dpo_notice_expand_for (dpo_store_campaign_get_notice_body (run->households),
                                                 &person);
  g_autofree char *name = full_name (&household->holder);

  run->counts->households[household->channel]++;
  if (household->channel != DPO_CAMPAIGN_UNREACHABLE)
    run->counts->people[household->channel] += 1 + household->co_insured->len;
  switch (household->channel)
    {
    case DPO_CAMPAIGN_EMAIL:
      {
        const char *row[] = { household->email, household->holder.first_name,
                              household->holder.last_name, household->holder.member_number,
                              subject, body };

        if (!dpo_campaign_mbox_add (run->mbox, name, household->email, subject, body, error) ||
            !dpo_csv_file_add_row (run->emails_csv, row, error))
          return FALSE;
      }
      break;
    case DPO_CAMPAIGN_POST:
      if (household->bounced)
        run->counts->bounced++;
      if (!dpo_campaign_letters_add (run->letters, name, household->postal_address, subject, body, error))
        return FALSE;
      break;
    case DPO_CAMPAIGN_UNREACHABLE:
    default:
      return keep_unreachable (run, household, error);
    }
  return dpo_store_campaign_add_informed (run->households, household, error);
}

static gboolean
write_households (Run                 *run,
                  DpoCampaignProgress  progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  guint total = dpo_store_campaign_get_n_households (run->households);
  const DpoHousehold *household;
  guint done = 0;

  while ((household = dpo_store_campaign_next (run->households, error)) != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_household (run, household, error))
        return FALSE;
      if (progress != NULL)
        progress (++done, total, user_data);
    }
  if ((error != NULL && *error != NULL) || !write_unreachable (run, error))
    return FALSE;
  if (run->counts->households[DPO_CAMPAIGN_EMAIL] + run->counts->households[DPO_CAMPAIGN_POST] == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nobody can be written to: the %u person of incident “%s” not yet "
                                "informed has neither an email address nor a postal address.",
                                "Nobody can be written to: the %u people of incident “%s” not yet "
                                "informed have neither an email address nor a postal address.",
                                run->counts->people[DPO_CAMPAIGN_UNREACHABLE]),
                   run->counts->people[DPO_CAMPAIGN_UNREACHABLE], run->options->incident_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_outputs (Run     *run,
                GError **error)
{
  return dpo_campaign_mbox_finish (run->mbox, error) &&
         dpo_csv_file_finish (run->emails_csv, error) &&
         dpo_csv_file_finish (run->unreachable_csv, error) &&
         dpo_campaign_letters_finish (run->letters, error);
}

/* The hidden folder becomes the campaign's folder (rename() replaces an
 * empty folder in one step). */
static gboolean
move_into_place (Run      *run,
                 char    **path,
                 GError  **error)
{
  *path = g_file_get_path (run->options->folder);
  if (g_rename (run->temp_dir, *path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot create the folder “%s”: %s"),
                   *path, dpo_file_describe_errno (saved_errno));
      return FALSE;
    }
  g_clear_pointer (&run->temp_dir, g_free);
  return TRUE;
}

gboolean
dpo_campaign_run (DpoStore                  *store,
                  const DpoCampaignOptions  *options,
                  DpoCampaignProgress        progress,
                  gpointer                   user_data,
                  GCancellable              *cancellable,
                  DpoCampaignCounts         *counts,
                  GError                   **error)
{
  Run run = { store, options };
  DpoCampaignCounts ignored = { 0 };
  g_autofree char *folder = NULL;
  gboolean ok;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && options->incident_id != NULL && options->folder != NULL, FALSE);

  run.counts = counts != NULL ? counts : &ignored;
  *run.counts = (DpoCampaignCounts) { 0 };
  ok = read_sent_at (&run, error) && check_folder (options->folder, error) &&
       check_organisation (&run, error);
  if (ok)
    run.households = dpo_store_campaign_begin (store, options->incident_id, options->bounced, error);
  ok = ok && run.households != NULL && make_temp_dir (&run, error) && open_outputs (&run, error) &&
       write_households (&run, progress, user_data, cancellable, error) &&
       finish_outputs (&run, error);
  /* The read ends before the write begins. */
  if (run.households != NULL)
    dpo_store_campaign_end_read (run.households);
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       move_into_place (&run, &folder, error);
  /* Recorded in one transaction once the files are in place; a campaign
   * not recorded (cancelled, failed) leaves nothing in the database, and
   * its folder goes. */
  if (ok && !dpo_store_campaign_record (run.households, run.sent_at,
                                        dpo_store_campaign_get_notice_subject (run.households),
                                        error))
    {
      remove_folder (folder);
      ok = FALSE;
    }
  run_clear (&run);
  return ok;
}

GStrv
dpo_campaign_read_bounced (GFile   *file,
                           GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, &local_error))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot read the list of bounced addresses “%s”: %s"),
                   name, dpo_file_describe_error (local_error));
      return NULL;
    }
  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("The list of bounced addresses “%s” is not UTF-8 text."), name);
      return NULL;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (strchr (lines[i], '@') == NULL)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                       _("%s, line %u: “%s” is not an email address."), name, i + 1, lines[i]);
          return NULL;
        }
      g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static void
add_rowids (GHashTable         *set,
            const DpoHousehold *household)
{
  g_hash_table_add (set, g_memdup2 (&household->holder.rowid, sizeof (gint64)));
  for (guint i = 0; i < household->co_insured->len; i++)
    g_hash_table_add (set, g_memdup2 (&((DpoHouseholdPerson *) g_ptr_array_index (household->co_insured, i))->rowid,
                                      sizeof (gint64)));
}

/* Counted as the campaign counts them: an unreachable person named in a
 * reachable household's message is not unreachable. */
gboolean
dpo_campaign_preview (DpoStore           *store,
                      const char         *incident_id,
                      DpoCampaignCounts  *counts,
                      GError            **error)
{
  g_autoptr(DpoOrganisation) organisation = dpo_store_get_organisation (store);
  g_autoptr(DpoStoreCampaign) households = NULL;
  g_autoptr(GHashTable) reached = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) unreachable = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const DpoHousehold *household;
  GHashTableIter iter;
  gpointer rowid;

  *counts = (DpoCampaignCounts) { 0 };
  if (!check_dpo_contact (organisation, error))
    return FALSE;
  households = dpo_store_campaign_begin (store, incident_id, NULL, error);
  if (households == NULL)
    return FALSE;
  while ((household = dpo_store_campaign_next (households, error)) != NULL)
    {
      counts->households[household->channel]++;
      if (household->channel == DPO_CAMPAIGN_UNREACHABLE)
        add_rowids (unreachable, household);
      else
        {
          counts->people[household->channel] += 1 + household->co_insured->len;
          add_rowids (reached, household);
        }
    }
  g_hash_table_iter_init (&iter, unreachable);
  while (g_hash_table_iter_next (&iter, &rowid, NULL))
    if (!g_hash_table_contains (reached, rowid))
      counts->people[DPO_CAMPAIGN_UNREACHABLE]++;
  return error == NULL || *error == NULL;
}
