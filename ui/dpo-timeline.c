/* dpo-timeline.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-computed.h"
#include "dpo-enums.h"
#include "dpo-incident-text.h"
#include "dpo-store.h"
#include "dpo-timeline.h"
#include "dpo-timeline-row.h"
#include "dpo-validate.h"
#include "dpo-ui.h"

struct _DpoTimeline
{
  AdwBin      parent_instance;

  GtkListBox *list;
  guint       n_entries;
};

G_DEFINE_FINAL_TYPE (DpoTimeline, dpo_timeline, ADW_TYPE_BIN)

#define MARKER (-1)

typedef struct
{
  GDateTime  *at;          /* borrowed from the incident */
  int         kind;        /* a DpoIncidentChild, or MARKER */
  gint64      rowid;
  guint       order;       /* ties keep the order of insertion */
  const char *icon_name;
  char       *title;
  char       *subtitle;
  gboolean    suspicious;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->title);
  g_free (entry->subtitle);
  g_free (entry);
}

static Entry *
add_entry (GPtrArray  *entries,
           GDateTime  *at,
           int         kind,
           gint64      rowid,
           const char *icon_name,
           char       *title,
           char       *subtitle)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->at = at;
  entry->kind = kind;
  entry->rowid = rowid;
  entry->order = entries->len;
  entry->icon_name = icon_name;
  entry->title = title;
  entry->subtitle = subtitle;
  g_ptr_array_add (entries, entry);
  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry **) a;
  const Entry *y = *(Entry **) b;
  int cmp = g_date_time_compare (x->at, y->at);

  return cmp != 0 ? cmp : (int) x->order - (int) y->order;
}

/* @parts joined with " · ", NULLs and blanks skipped; takes the strings. */
static char *
join_parts (char  **parts,
            guint   n_parts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] != NULL && *parts[i] != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", parts[i]);
      g_free (parts[i]);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static const char *
event_icon (const char *kind)
{
  static const char * const icons[DPO_N_EVENT_KINDS] = {
    [DPO_EVENT_OCCURRENCE] = "dialog-warning-symbolic",
    [DPO_EVENT_DETECTION] = "system-search-symbolic",
    [DPO_EVENT_AWARENESS] = "dialog-information-symbolic",
    [DPO_EVENT_CONTAINMENT] = "changes-prevent-symbolic",
    [DPO_EVENT_NOTIFICATION] = "mail-send-symbolic",
    [DPO_EVENT_COMPLAINT] = "mail-mark-important-symbolic",
    [DPO_EVENT_COMMUNICATION] = "system-users-symbolic",
    [DPO_EVENT_MEASURE] = "security-high-symbolic",
  };
  DpoEventKind value = dpo_enum_value (DPO_ENUM_EVENT_KIND, kind);

  if (value >= 0 && value < DPO_N_EVENT_KINDS && icons[value] != NULL)
    return icons[value];
  return "document-properties-symbolic";
}

static void
add_events (GPtrArray         *entries,
            const DpoIncident *incident)
{
  for (guint i = 0; i < incident->events->len; i++)
    {
      DpoEvent *e = g_ptr_array_index (incident->events, i);

      add_entry (entries, e->at, DPO_CHILD_EVENT, e->rowid, event_icon (e->kind),
                 g_strdup (dpo_enum_label (DPO_ENUM_EVENT_KIND, e->kind)),
                 g_strdup (e->description));
    }
}

static char *
notification_subtitle (const DpoNotification *n,
                       const DpoIncident     *incident,
                       gboolean               suspicious)
{
  GTimeSpan span = g_date_time_difference (n->sent_at, incident->aware_at);
  g_autofree char *duration = dpo_incident_text_duration (span);

  char *parts[] = {
    suspicious
    /* Translators: %s is a duration */
    ? g_strdup_printf (_("%s before awareness"), duration)
    /* Translators: %s is a duration */
    : g_strdup_printf (_("%s after awareness"), duration),
    n->reference != NULL
    /* Translators: %s is the authority's reference for the notification */
    ? g_strdup_printf (_("Reference %s"), n->reference) : NULL,
  };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

static void
add_notifications (GPtrArray         *entries,
                   const DpoIncident *incident)
{
  for (guint i = 0; i < incident->notifications->len; i++)
    {
      DpoNotification *n = g_ptr_array_index (incident->notifications, i);
      const char *authority = dpo_notification_get_authority (n) == DPO_AUTHORITY_OTHER &&
                              n->authority_name != NULL
                              ? n->authority_name
                              : dpo_enum_label (DPO_ENUM_AUTHORITY, n->authority);
      gboolean suspicious = dpo_notification_is_suspicious (n, incident);
      Entry *entry;

      entry = add_entry (entries, n->sent_at, DPO_CHILD_NOTIFICATION, n->rowid, "mail-send-symbolic",
                         /* Translators: the authority, then the kind (Initial, Complementary) */
                         g_strdup_printf (_("Notification to %s · %s"), authority,
                                          dpo_enum_label (DPO_ENUM_NOTIFICATION_KIND, n->kind)),
                         notification_subtitle (n, incident, suspicious));
      entry->suspicious = suspicious;
    }
}

static void
add_complaints (GPtrArray         *entries,
                const DpoIncident *incident)
{
  for (guint i = 0; i < incident->complaints->len; i++)
    {
      DpoComplaint *c = g_ptr_array_index (incident->complaints, i);
      char *parts[] = {
        g_strdup (c->party),
        c->reference != NULL ? g_strdup_printf (_("Reference %s"), c->reference) : NULL,
        g_strdup (dpo_enum_label (DPO_ENUM_COMPLAINT_STATUS,
                                  c->status != NULL ? c->status
                                  : dpo_enum_word (DPO_ENUM_COMPLAINT_STATUS, DPO_COMPLAINT_OPEN))),
        g_strdup (c->outcome),
      };

      add_entry (entries, c->filed_at, DPO_CHILD_COMPLAINT, c->rowid, "mail-mark-important-symbolic",
                 /* Translators: the direction (Filed, Received), then the body (Police...) */
                 g_strdup_printf (_("Complaint · %s · %s"),
                                  dpo_enum_label (DPO_ENUM_COMPLAINT_DIRECTION, c->direction),
                                  dpo_enum_label (DPO_ENUM_COMPLAINT_BODY, c->body)),
                 join_parts (parts, G_N_ELEMENTS (parts)));
    }
}

static void
add_communications (GPtrArray         *entries,
                    const DpoIncident *incident)
{
  for (guint i = 0; i < incident->communications->len; i++)
    {
      DpoCommunication *m = g_ptr_array_index (incident->communications, i);
      g_autofree char *count = dpo_ui_format_count (m->count);
      char *parts[] = {
        m->count >= 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person informed",
                                        "%s people informed", m->count), count)
        : g_strdup (_("Number of people not recorded")),
        g_strdup (m->message),   /* what was said */
      };

      add_entry (entries, m->sent_at, DPO_CHILD_COMMUNICATION, m->rowid, "system-users-symbolic",
                 /* Translators: %s is the channel (Email, Post...) */
                 g_strdup_printf (_("Communication to the people affected · %s"),
                                  dpo_enum_label (DPO_ENUM_COMMUNICATION_CHANNEL, m->channel)),
                 join_parts (parts, G_N_ELEMENTS (parts)));
    }
}

static gboolean
has_awareness_event (const DpoIncident *incident)
{
  for (guint i = 0; i < incident->events->len; i++)
    {
      DpoEvent *e = g_ptr_array_index (incident->events, i);

      if (dpo_event_get_kind (e) == DPO_EVENT_AWARENESS)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
row_new (const Entry *entry)
{
  if (entry->kind == MARKER)
    return dpo_timeline_row_new_marker (entry->at, entry->icon_name, entry->title);

  return dpo_timeline_row_new_entry (entry->at, entry->icon_name, entry->title, entry->subtitle,
                                     entry->kind, entry->rowid, entry->suspicious);
}

static void
add_markers (GPtrArray         *entries,
             const DpoIncident *incident,
             GDateTime         *deadline)
{
  if (!has_awareness_event (incident))
    add_entry (entries, incident->aware_at, MARKER, 0, "dialog-information-symbolic",
               g_strdup (_("Awareness: the 72-hour clock starts")), NULL);
  if (deadline != NULL)
    add_entry (entries, deadline, MARKER, 0, "alarm-symbolic",
               g_strdup (_("CNIL deadline: 72 hours after awareness")), NULL);
}

void
dpo_timeline_set_incident (DpoTimeline       *self,
                           const DpoIncident *incident)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GDateTime) deadline = NULL;
  GtkWidget *child;

  g_return_if_fail (DPO_IS_TIMELINE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_entries = 0;

  if (incident == NULL)
    return;

  add_events (entries, incident);
  add_notifications (entries, incident);
  add_complaints (entries, incident);
  add_communications (entries, incident);
  self->n_entries = entries->len;

  deadline = dpo_incident_dup_cnil_deadline (incident);
  add_markers (entries, incident, deadline);
  g_ptr_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, row_new (g_ptr_array_index (entries, i)));
}

guint
dpo_timeline_get_n_entries (DpoTimeline *self)
{
  g_return_val_if_fail (DPO_IS_TIMELINE (self), 0);

  return self->n_entries;
}

static void
dpo_timeline_dispose (GObject *object)
{
  /* The list is both AdwBin's child and a template child: let AdwBin drop
   * it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), DPO_TYPE_TIMELINE);

  G_OBJECT_CLASS (dpo_timeline_parent_class)->dispose (object);
}

static void
dpo_timeline_class_init (DpoTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dpo_timeline_dispose;

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoTimeline, list);
}

static void
dpo_timeline_init (DpoTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dpo_timeline_new (void)
{
  return g_object_new (DPO_TYPE_TIMELINE, NULL);
}
