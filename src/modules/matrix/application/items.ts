import { MatrixGradeMismatchError, MatrixNotFoundError } from '../domain/errors.ts';
import {
  assertCanManageMatrix,
  checkResources,
  checkText,
  ITEM_STATUSES,
  IssueCollector,
  isStaff,
  type MatrixActor,
  type MatrixItemStatus,
  type MatrixResource,
} from '../domain/rules.ts';
import type { AddItemInput } from './contract.ts';
import type { ItemFilter, ItemView, MatrixDeps } from './ports.ts';
import { moveWithin } from './structure.ts';

export const MAX_QUESTION = 1000;
export const MAX_ANSWER = 50_000;

type ItemFields = {
  question?: string | undefined;
  answer?: string | undefined;
  resources?: readonly MatrixResource[] | undefined;
  status?: string | undefined;
};

function checkItemFields(input: ItemFields) {
  const issues = new IssueCollector();
  const question =
    input.question === undefined ? undefined : checkText(issues, '/question', input.question, MAX_QUESTION);
  let answer: string | undefined;
  if (input.answer !== undefined) {
    answer = input.answer.replace(/\r\n?/g, '\n');
    if (answer.includes('\u0000')) issues.add('/answer', 'invalid');
    else if (answer.length > MAX_ANSWER) issues.add('/answer', 'too_long', { max: MAX_ANSWER });
  }
  const resources = input.resources === undefined ? undefined : checkResources(issues, '/resources', input.resources);
  if (input.status !== undefined && !ITEM_STATUSES.includes(input.status as MatrixItemStatus)) {
    issues.add('/status', 'invalid');
  }
  issues.throwIfAny();
  return { question, answer, resources, status: input.status as MatrixItemStatus | undefined };
}

export function makeItemUseCases(deps: MatrixDeps) {
  return {
    async addItem(input: AddItemInput): Promise<{ id: string }> {
      assertCanManageMatrix(input.actor);
      const fields = checkItemFields({
        question: input.question,
        answer: input.answer,
        resources: input.resources ?? [],
        status: input.status ?? 'published',
      });
      const id = deps.newId();
      await deps.uow.run(async (tx) => {
        const subsection = await tx.subsection(input.subsectionId);
        if (!subsection) throw new MatrixNotFoundError('subsection', input.subsectionId);
        const grade = await tx.grade(input.gradeId);
        if (!grade) throw new MatrixNotFoundError('grade', input.gradeId);
        if (grade.sheetId !== subsection.sheetId) throw new MatrixGradeMismatchError();
        if (input.moduleId && !(await tx.moduleExists(input.moduleId))) {
          throw new MatrixNotFoundError('module', input.moduleId);
        }
        await tx.lockSheet(subsection.sheetId);
        const position = (await tx.siblings('item', subsection.id)).length + 1;
        const answer = fields.answer ?? '';
        await tx.insertItem(
          {
            id,
            sheetId: subsection.sheetId,
            subsectionId: subsection.id,
            gradeId: grade.id,
            question: fields.question ?? '',
            answer,
            answerHtml: deps.renderMarkdown(answer),
            resources: fields.resources ?? [],
            status: fields.status ?? 'published',
            moduleId: input.moduleId ?? null,
            position,
          },
          deps.now(),
        );
      });
      return { id };
    },

    async updateItem(input: {
      actor: MatrixActor;
      itemId: string;
      question?: string | undefined;
      answer?: string | undefined;
      resources?: readonly MatrixResource[] | undefined;
      status?: string | undefined;
      gradeId?: string | undefined;
      subsectionId?: string | undefined;
      moduleId?: string | null | undefined;
      position?: number | undefined;
    }): Promise<void> {
      assertCanManageMatrix(input.actor);
      const fields = checkItemFields(input);
      await deps.uow.run(async (tx) => {
        const item = await tx.item(input.itemId);
        if (!item) throw new MatrixNotFoundError('item', input.itemId);
        await tx.lockSheet(item.sheetId);
        if (input.gradeId !== undefined && input.gradeId !== item.gradeId) {
          const grade = await tx.grade(input.gradeId);
          if (!grade) throw new MatrixNotFoundError('grade', input.gradeId);
          if (grade.sheetId !== item.sheetId) throw new MatrixGradeMismatchError();
        }
        if (input.moduleId && input.moduleId !== item.moduleId && !(await tx.moduleExists(input.moduleId))) {
          throw new MatrixNotFoundError('module', input.moduleId);
        }
        let subsectionId = item.subsectionId;
        if (input.subsectionId !== undefined && input.subsectionId !== item.subsectionId) {
          const target = await tx.subsection(input.subsectionId);
          if (!target || target.sheetId !== item.sheetId)
            throw new MatrixNotFoundError('subsection', input.subsectionId);
          // To the end of the new list, then the old one closes its gap.
          const fresh = await tx.siblings('item', target.id);
          await tx.updateItem(item.id, { subsectionId: target.id, position: fresh.length + 1 }, deps.now());
          await tx.setOrder('item', await tx.siblings('item', item.subsectionId));
          subsectionId = target.id;
        }
        await tx.updateItem(
          item.id,
          {
            ...(fields.question === undefined ? {} : { question: fields.question }),
            ...(fields.answer === undefined
              ? {}
              : { answer: fields.answer, answerHtml: deps.renderMarkdown(fields.answer) }),
            ...(fields.resources === undefined ? {} : { resources: fields.resources }),
            ...(fields.status === undefined ? {} : { status: fields.status }),
            ...(input.gradeId === undefined ? {} : { gradeId: input.gradeId }),
            ...(input.moduleId === undefined ? {} : { moduleId: input.moduleId }),
          },
          deps.now(),
        );
        if (input.position !== undefined) await moveWithin(tx, 'item', subsectionId, item.id, input.position);
      });
    },

    async deleteItem(input: { actor: MatrixActor; itemId: string }): Promise<void> {
      assertCanManageMatrix(input.actor);
      await deps.uow.run(async (tx) => {
        const item = await tx.item(input.itemId);
        if (!item) throw new MatrixNotFoundError('item', input.itemId);
        await tx.lockSheet(item.sheetId);
        await tx.remove('item', item.id);
      });
    },

    /** Published items for anyone; `status` filter and drafts only for staff. */
    async listItems(input: { actor: MatrixActor | null; filter: Omit<ItemFilter, 'status'>; includeDrafts?: boolean }) {
      const drafts = input.includeDrafts === true;
      if (drafts) assertCanManageMatrix(input.actor ?? { id: '', role: 'student' });
      return deps.reads.items({ ...input.filter, ...(drafts ? {} : { status: 'published' }) });
    },

    /** One item; a draft is 404 for anyone but staff. */
    async getItem(input: { actor: MatrixActor | null; itemId: string }): Promise<ItemView> {
      const item = await deps.reads.itemView(input.itemId);
      if (!item || (item.status !== 'published' && !isStaff(input.actor))) {
        throw new MatrixNotFoundError('item', input.itemId);
      }
      return item;
    },

    async sheetItems(input: { actor: MatrixActor; sheetId: string }): Promise<ItemView[]> {
      assertCanManageMatrix(input.actor);
      const sheet = await deps.uow.run((tx) => tx.sheet(input.sheetId));
      if (!sheet) throw new MatrixNotFoundError('sheet', input.sheetId);
      return deps.reads.sheetItems(sheet.id);
    },
  };
}
