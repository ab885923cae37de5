// The document's component schemas: the zod contracts the routes validate with, each under the
// id in its `meta()`, then the answers written by hand (merges, webhooks).
import { z } from "zod";
import {
  ZApiKeyPatch,
  ZActionPlanInput,
  ZActionPlanPatch,
  ZActionPlanStepInput,
  ZLeadPlanStart,
  ZLeadPlanStop,
  ZLeadPlanResume,
  ZPartnerEventBody,
  ZTaskCreate,
  ZTaskUpdate,
} from "@real-estate/crm";
import { ZProfilePatch } from "@real-estate/sites";
import { ZWebhookEndpointInput, ZWebhookEndpointPatch } from "@real-estate/integrations";
import { ZActionPlan, ZActionPlanList, ZLeadPlan, ZLeadPlanList } from "../action-plan-contracts";
import {
  ZActivity,
  ZActivityCreate,
  ZActivityList,
  ZAssignee,
  ZContact,
  ZContactCreate,
  ZContactIdentities,
  ZContactIdentityAdd,
  ZContactList,
  ZContactMerge,
  ZContactPatch,
  ZContactSummary,
  ZError,
  ZLeadDetail,
  ZLeadItem,
  ZLeadList,
  ZLeadPatch,
  ZPartnerEventAnswer,
} from "../contracts";
import { ZMyDay, ZTask, ZTaskList } from "../task-contracts";
import { apiKeySchemas } from "./api-keys";
import { contactMergeSchemas } from "./contacts";
import { profileSchemas } from "./profile";
import { webhookSchemas } from "./webhooks";

export function componentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  const all = [
    ZLeadList,
    ZLeadItem,
    ZLeadDetail,
    ZLeadPatch,
    ZAssignee,
    ZContactSummary,
    ZContactList,
    ZContact,
    ZContactCreate,
    ZContactPatch,
    ZContactMerge,
    ZContactIdentities,
    ZContactIdentityAdd,
    ZActivityList,
    ZActivity,
    ZActivityCreate,
    ZError,
  ];
  registry.add(ZPartnerEventBody, { id: "PartnerEvent" });
  registry.add(ZPartnerEventAnswer, { id: "PartnerEventAnswer" });
  registry.add(ZWebhookEndpointInput, { id: "WebhookEndpointCreate" });
  registry.add(ZWebhookEndpointPatch, { id: "WebhookEndpointPatch" });
  registry.add(ZApiKeyPatch, { id: "ApiKeyPatch" });
  registry.add(ZTaskCreate, { id: "TaskCreate" });
  registry.add(ZTaskUpdate, { id: "TaskPatch" });
  registry.add(ZProfilePatch, { id: "ProfilePatch" });
  for (const s of [
    ZTask,
    ZTaskList,
    ZMyDay,
    ZActionPlan,
    ZActionPlanList,
    ZLeadPlan,
    ZLeadPlanList,
    ZLeadPlanStart,
    ZLeadPlanStop,
    ZLeadPlanResume,
    ZActionPlanPatch,
    ZActionPlanStepInput,
  ])
    registry.add(s, { id: (s.meta() as { id: string }).id });
  registry.add(ZActionPlanInput, { id: "ActionPlanCreate" });
  for (const s of all) {
    const id = (s.meta() as { id: string }).id;
    registry.add(s, { id });
  }
  const { schemas } = z.toJSONSchema(registry, { io: "input", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return Object.assign(schemas, webhookSchemas(), contactMergeSchemas(), apiKeySchemas(), profileSchemas());
}
