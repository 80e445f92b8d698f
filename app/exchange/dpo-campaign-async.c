/* dpo-campaign-async.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-progress-relay.h"
#include "dpo-campaign.h"
#include "dpo-store-worker.h"

/* The campaign on a worker thread, for the window (dpo-store-worker.h):
 * its progress is sent back to the caller's main context, at most ten
 * reports a second. */

typedef struct
{
  char                *incident_id;
  GFile               *folder;
  char                *sent_on;
  DpoCampaignCounts   *counts;
  DpoCampaignProgress  progress;
  gpointer             progress_data;
  DpoProgressRelay    *relay;           /* when there is progress to report */
  GTask               *task;
} CampaignJob;

static void
campaign_job_free (gpointer data)
{
  CampaignJob *job = data;

  g_free (job->incident_id);
  g_clear_object (&job->folder);
  g_free (job->sent_on);
  g_clear_pointer (&job->relay, dpo_progress_relay_free);
  g_free (job);
}

/* Runs in the worker: dpo-progress-relay.h sends it to the caller's main
 * context. */
static void
forward_progress (guint    done,
                  guint    total,
                  gpointer user_data)
{
  CampaignJob *job = user_data;

  dpo_progress_relay_report (job->relay, job->task, done, total);
}

static void
deliver_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  CampaignJob *job = user_data;

  job->progress ((guint) done, (guint) total, job->progress_data);
}

static gboolean
campaign_job (DpoStore      *worker,
              GTask         *task,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  CampaignJob *job = data;
  DpoCampaignOptions options = { job->incident_id, job->folder, job->sent_on, NULL };

  job->task = task;
  return dpo_campaign_run (worker, &options, job->relay != NULL ? forward_progress : NULL, job,
                           cancellable, job->counts, error);
}

static const char campaign_tag[] = "dpo_campaign_run_async";

void
dpo_campaign_run_async (DpoStore             *store,
                        const char           *incident_id,
                        GFile                *folder,
                        const char           *sent_on,
                        DpoCampaignCounts    *counts,
                        DpoCampaignProgress   progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  CampaignJob *job;

  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (incident_id != NULL && G_IS_FILE (folder) && counts != NULL);

  job = g_new0 (CampaignJob, 1);
  job->incident_id = g_strdup (incident_id);
  job->folder = g_object_ref (folder);
  job->sent_on = g_strdup (sent_on);
  job->counts = counts;
  job->progress = progress;
  job->progress_data = progress_data;
  if (progress != NULL)
    job->relay = dpo_progress_relay_new (deliver_progress, job);
  dpo_store_job_run_async (store, campaign_job, job, campaign_job_free, campaign_tag, cancellable,
                           callback, user_data);
}

gboolean
dpo_campaign_run_finish (DpoStore      *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  return dpo_store_job_finish (store, result, campaign_tag, error);
}

/* The preview too: at tens of thousands of households it reads for a
 * moment, which the window does not wait for. */
typedef struct
{
  char              *incident_id;
  DpoCampaignCounts *counts;
} PreviewJob;

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  g_free (job->incident_id);
  g_free (job);
}

static gboolean
preview_job (DpoStore      *worker,
             GTask         *task,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  PreviewJob *job = data;

  return dpo_campaign_preview (worker, job->incident_id, job->counts, error);
}

static const char preview_tag[] = "dpo_campaign_preview_async";

void
dpo_campaign_preview_async (DpoStore            *store,
                            const char          *incident_id,
                            DpoCampaignCounts   *counts,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  PreviewJob *job;

  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (incident_id != NULL && counts != NULL);

  job = g_new0 (PreviewJob, 1);
  job->incident_id = g_strdup (incident_id);
  job->counts = counts;
  dpo_store_job_run_async (store, preview_job, job, preview_job_free, preview_tag, cancellable,
                           callback, user_data);
}

gboolean
dpo_campaign_preview_finish (DpoStore      *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return dpo_store_job_finish (store, result, preview_tag, error);
}
