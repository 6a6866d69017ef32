// Result schemas for forwarding. The SDK's own result schemas strip keys they do not know and
// validate structured output against cached schemas; a transparent hub must pass results through
// as the server sent them, so these check only the shape the hub itself relies on.
import { z } from 'zod';

export const AnyResultSchema = z.looseObject({});

const NamedItem = z.looseObject({ name: z.string() });
const UriItem = z.looseObject({ uri: z.string() });
const TemplateItem = z.looseObject({ uriTemplate: z.string() });

export const ToolsPageSchema = z.looseObject({
  tools: z.array(
    z.looseObject({
      name: z.string(),
      description: z.string().optional(),
      annotations: z.looseObject({}).optional(),
    }),
  ),
  nextCursor: z.string().optional(),
});
export const PromptsPageSchema = z.looseObject({ prompts: z.array(NamedItem), nextCursor: z.string().optional() });
export const ResourcesPageSchema = z.looseObject({ resources: z.array(UriItem), nextCursor: z.string().optional() });
export const TemplatesPageSchema = z.looseObject({ resourceTemplates: z.array(TemplateItem), nextCursor: z.string().optional() });

export type UpstreamTool = z.infer<typeof ToolsPageSchema>['tools'][number];
export type UpstreamPrompt = z.infer<typeof NamedItem>;
export type UpstreamResource = z.infer<typeof UriItem>;
export type UpstreamTemplate = z.infer<typeof TemplateItem>;
